import { findDate, readDate, type DateReading, type ReadDate, type ReadDateOptions } from '../parse/dates';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Range } from '../types';
import { timelineChecks } from './checks';
import { metricEnds, timelineMetrics } from './metrics';
import { eventTextOfLine, plainText } from './plainText';
import { eventSources } from './sources';
import type { EventSource, PlacedEvent, Timeline, TimelineContext, TimelineEvent } from './types';
import { isoDate, wallClockAt } from '../parse/zones';

/** The report's timeline: events, metrics and the `timeline.*` diagnostics. The analysis builds it once. */
export function buildTimeline(context: TimelineContext): Timeline {
  const { placed, problems, referenceYear } = placeEvents(eventSources(context.match, context.kind), context.timezone);
  const ends = metricEnds(placed);
  let events: readonly TimelineEvent[] | undefined;
  return {
    kind: context.kind,
    timezone: context.timezone,
    referenceYear,
    // Made when first read (the preview, the exports): checking a report needs only the dates.
    get events() {
      return (events ??= [...placed].sort(chronologically).map(timelineEvent));
    },
    metrics: timelineMetrics(ends),
    diagnostics: [...problems, ...timelineChecks(placed, ends, context)].sort((a, b) => a.range.start - b.range.start),
  };
}

/** A timeline without events, for a text that could not be analysed. */
export function emptyTimeline(timezone: string): Timeline {
  return {
    kind: null,
    timezone,
    referenceYear: null,
    events: [],
    metrics: { start: null, timeToDetect: null, timeToContain: null, timeToRecover: null },
    diagnostics: [],
  };
}

/** Dated events by time (ties in source order), then undated ones in source order. */
function chronologically(a: PlacedEvent, b: PlacedEvent): number {
  if (a.reading && b.reading) return a.reading.start.getTime() - b.reading.start.getTime() || a.source.range.start - b.source.range.start;
  if (a.reading || b.reading) return a.reading ? -1 : 1;
  return a.source.range.start - b.source.range.start;
}

const HALF_YEAR = 183 * 86_400_000;
const DAY = 86_400_000;
const HALF_DAY = DAY / 2;

interface Placement {
  readonly source: EventSource;
  readonly reading: DateReading;
}

type DatedPlacement = Placement & { readonly reading: ReadDate };

function isDated(placement: Placement): placement is DatedPlacement {
  return placement.reading.kind === 'date';
}

/**
 * Reads every source's date in document order. A time without a date takes the day of the dated sub-heading it
 * stands under, else of the event before it; one earlier than the event before it in the same context is read on
 * the next day when that is less than 12 hours later (23:50, then 00:10), which a `timeline.next-day` note says.
 */
function placeEvents(sources: EventSource[], zone: string): { placed: PlacedEvent[]; problems: Diagnostic[]; referenceYear: number | null } {
  const referenceYear = incidentYear(sources, zone);
  const placements: Placement[] = [];
  const problems: Diagnostic[] = [];
  const headingDates = new Map<number, ReadDate | null>();
  const lastInContext = new Map<number | null, DatedPlacement>();
  let previous: ReadDate | null = null;
  for (const source of sources) {
    if (source.origin === 'summary') {
      placements.push({ source, reading: { kind: 'unknown' } });
      continue;
    }
    const year = referenceYear ?? (previous ? yearOf(previous, zone) : undefined);
    const headingDate = source.heading ? headingDateOf(source.heading, headingDates, { referenceYear: year, timezone: zone }) : null;
    const options: ReadDateOptions = {
      referenceYear: year,
      referenceDate: headingDate?.start ?? previous?.start,
      timezone: source.columnZone?.zone ?? zone,
      offsetMinutes: source.columnZone?.offsetMinutes,
      zoneSource: source.columnZone ? 'column' : 'report',
    };
    let reading = readSource(source, options, previous);
    if (!reading) continue;
    const contextKey = source.heading?.key ?? null;
    const before = lastInContext.get(contextKey);
    if (reading.kind === 'date' && reading.dateInferred && before && rollsOver(reading, before.reading)) {
      const nextDay = readSource(source, { ...options, referenceDate: new Date(options.referenceDate!.getTime() + DAY) }, previous);
      if (nextDay?.kind === 'date') {
        reading = nextDay;
        problems.push(nextDayNote(source, nextDay, before, zone));
      }
    }
    const placement = { source, reading };
    placements.push(placement);
    if (isDated(placement)) {
      previous = placement.reading;
      lastInContext.set(contextKey, placement);
    }
  }
  const datedGroups = new Set(placements.filter(isDated).map(({ source }) => source.group));
  const kept = placements.filter(({ source }) => source.origin !== 'summary' || !datedGroups.has(source.group));
  return {
    placed: kept.map(({ source, reading }, index) => ({ id: `e${index}`, source, reading: reading.kind === 'date' ? reading : null, dateRange: readRange(source, reading) })),
    problems: [...problems, ...kept.flatMap(unplaceable)],
    referenceYear,
  };
}

/** A time earlier than the one before it that is less than half a day after it on the next day. */
function rollsOver(reading: ReadDate, before: ReadDate): boolean {
  const gap = reading.start.getTime() + DAY - before.start.getTime();
  return reading.start.getTime() < before.start.getTime() && gap > 0 && gap < HALF_DAY;
}

function nextDayNote(source: EventSource, reading: ReadDate, before: DatedPlacement, zone: string): Diagnostic {
  const range = readRange(source, reading) ?? source.range;
  const message = `"${reading.text}" is earlier than "${before.reading.text}" on line ${before.source.line + 1}: it is read on the next day, ${isoDate(wallClockAt(reading.start.getTime(), zone))}`;
  return diagnostic('timeline.next-day', range, message);
}

/** The date of a sub-heading of the timeline, read once; null when its title has none with a day. */
function headingDateOf(heading: NonNullable<EventSource['heading']>, cache: Map<number, ReadDate | null>, options: ReadDateOptions): ReadDate | null {
  if (!cache.has(heading.key)) {
    const found = findDate(heading.title, options);
    cache.set(heading.key, found?.kind === 'date' && !found.dateInferred ? found : null);
  }
  return cache.get(heading.key)!;
}

/** The year of the incident's start, when it is written with one. */
function incidentYear(sources: EventSource[], zone: string): number | null {
  const incident = sources.find((source) => source.roles.includes('incident-start'));
  const reading = incident ? readDate(incident.dateText, { timezone: zone }) : null;
  return reading?.kind === 'date' && !reading.yearInferred ? yearOf(reading, zone) : null;
}

function yearOf(reading: ReadDate, zone: string): number {
  return wallClockAt(reading.start.getTime(), zone).year;
}

/** Null for a line with no date in it. */
function readSource(source: EventSource, options: ReadDateOptions, previous: ReadDate | null): DateReading | null {
  const reading = readText(source, options);
  // Dec 28 … Jan 3: a date without a year that would fall far before the event listed before it is in the next year.
  if (reading?.kind === 'date' && reading.yearInferred && options.referenceYear !== undefined && previous && reading.start.getTime() < previous.start.getTime() - HALF_YEAR) {
    return readText(source, { ...options, referenceYear: options.referenceYear + 1 });
  }
  return reading;
}

function readText(source: EventSource, options: ReadDateOptions): DateReading | null {
  return source.origin === 'date-field' ? readDate(source.dateText, options) : findDate(source.dateText, options);
}

function timelineEvent({ id, source, reading, dateRange }: PlacedEvent): TimelineEvent {
  const local = dateRange ? { start: dateRange.start - source.dateTextOffset, end: dateRange.end - source.dateTextOffset } : null;
  return {
    id,
    at: reading ? reading.start.toISOString() : null,
    end: reading?.end ? reading.end.toISOString() : null,
    precision: reading?.precision ?? null,
    text: source.origin === 'line' ? (local ? eventTextOfLine(source.text, local.start, local.end) : plainText(source.text)) : source.text,
    phase: source.phase,
    category: source.category,
    line: source.line,
    range: source.range,
    dateRange,
  };
}

/** Where the date text stands in the document, when something was read. */
function readRange(source: EventSource, reading: DateReading): Range | null {
  const local = reading.kind === 'date' || reading.kind === 'time' ? reading.range : reading.kind === 'unreadable' ? reading.readRange : undefined;
  if (!local) return null;
  const end = Math.min(source.dateTextOffset + local.end, source.range.end);
  return { start: Math.min(source.dateTextOffset + local.start, end), end };
}

/**
 * A time with no date before it, or a date in a line that cannot be placed. An unreadable date field is
 * `field.invalid-date`'s to report.
 */
function unplaceable({ source, reading }: Placement): Diagnostic[] {
  const range = readRange(source, reading);
  if (!range) return [];
  if (reading.kind === 'time') {
    return [diagnostic('timeline.unreadable-date', range, `"${reading.text}" is a time without a date, and no event before it has a date: write the date too`)];
  }
  if (reading.kind === 'unreadable' && source.origin !== 'date-field') return [diagnostic('timeline.unreadable-date', range, reading.problem)];
  return [];
}
