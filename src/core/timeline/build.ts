import { findDate, readDate, type DateReading, type ReadDate, type ReadDateOptions } from '../parse/dates';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Range } from '../types';
import { timelineChecks } from './checks';
import { timelineMetrics } from './metrics';
import { eventTextOfLine, plainText } from './plainText';
import { eventSources } from './sources';
import type { EventSource, PlacedEvent, Timeline, TimelineContext, TimelineEvent } from './types';
import { wallClockAt } from '../parse/zones';

/** The report's timeline: events, metrics and the `timeline.*` diagnostics. The analysis builds it once. */
export function buildTimeline(context: TimelineContext): Timeline {
  const { placed, problems, referenceYear } = placeEvents(eventSources(context.match, context.kind), context.timezone);
  const sorted = [...placed].sort(chronologically);
  return {
    kind: context.kind,
    timezone: context.timezone,
    referenceYear,
    events: sorted.map(({ event }) => event),
    metrics: timelineMetrics(placed),
    diagnostics: [...problems, ...timelineChecks(placed, context)].sort((a, b) => a.range.start - b.range.start),
  };
}

/** A timeline without events, for a text that could not be analysed. */
export function emptyTimeline(timezone: string): Timeline {
  return {
    kind: null,
    timezone,
    referenceYear: null,
    events: [],
    metrics: { start: null, timeToDetectSeconds: null, timeToContainSeconds: null, timeToRecoverSeconds: null },
    diagnostics: [],
  };
}

/** Dated events by time (ties in source order), then undated ones in source order. */
function chronologically(a: PlacedEvent, b: PlacedEvent): number {
  if (a.reading && b.reading) return a.reading.start.getTime() - b.reading.start.getTime() || a.event.range.start - b.event.range.start;
  if (a.reading || b.reading) return a.reading ? -1 : 1;
  return a.event.range.start - b.event.range.start;
}

const HALF_YEAR = 183 * 86_400_000;

interface Placement {
  readonly source: EventSource;
  readonly reading: DateReading;
}

function placeEvents(sources: EventSource[], zone: string): { placed: PlacedEvent[]; problems: Diagnostic[]; referenceYear: number | null } {
  const referenceYear = incidentYear(sources, zone);
  const placements: Placement[] = [];
  let previous: ReadDate | null = null;
  for (const source of sources) {
    if (source.origin === 'summary') {
      placements.push({ source, reading: { kind: 'unknown' } });
      continue;
    }
    const reading = readSource(source, { referenceYear: referenceYear ?? (previous ? yearOf(previous, zone) : undefined), referenceDate: previous?.start, timezone: zone }, previous);
    if (!reading) continue;
    placements.push({ source, reading });
    if (reading.kind === 'date') previous = reading;
  }
  const datedGroups = new Set(placements.filter(({ reading }) => reading.kind === 'date').map(({ source }) => source.group));
  const kept = placements.filter(({ source }) => source.origin !== 'summary' || !datedGroups.has(source.group));
  return {
    placed: kept.map((placement, index) => placeEvent(placement, index)),
    problems: kept.flatMap(unplaceable),
    referenceYear,
  };
}

/** The year of an Incident Date that is written with one. */
function incidentYear(sources: EventSource[], zone: string): number | null {
  const incident = sources.find((source) => source.role === 'incident-start');
  const reading = incident ? readDate(incident.dateText, { timezone: zone }) : null;
  return reading?.kind === 'date' && !reading.yearInferred ? yearOf(reading, zone) : null;
}

function yearOf(reading: ReadDate, zone: string): number {
  return wallClockAt(reading.start.getTime(), zone).year;
}

/** Null for a line with no date in it. */
function readSource(source: EventSource, options: ReadDateOptions, previous: ReadDate | null): DateReading | null {
  const read = (readOptions: ReadDateOptions) =>
    source.origin === 'date-field' ? readDate(source.dateText, readOptions) : findDate(source.dateText, readOptions);
  const reading = read(options);
  // Dec 28 … Jan 3: a date without a year that would fall far before the event listed before it is in the next year.
  if (reading?.kind === 'date' && reading.yearInferred && options.referenceYear !== undefined && previous && reading.start.getTime() < previous.start.getTime() - HALF_YEAR) {
    return read({ ...options, referenceYear: options.referenceYear + 1 });
  }
  return reading;
}

function placeEvent({ source, reading }: Placement, index: number): PlacedEvent {
  const dateRange = readRange(source, reading);
  const dated = reading.kind === 'date' ? reading : null;
  const local = dateRange ? { start: dateRange.start - source.dateTextOffset, end: dateRange.end - source.dateTextOffset } : null;
  const event: TimelineEvent = {
    id: `e${index}`,
    at: dated ? dated.start.toISOString() : null,
    end: dated?.end ? dated.end.toISOString() : null,
    hasTime: dated?.hasTime ?? false,
    text: source.origin === 'line' ? (local ? eventTextOfLine(source.text, local.start, local.end) : plainText(source.text)) : source.text,
    phase: source.phase,
    category: source.category,
    line: source.line,
    range: source.range,
    dateRange,
  };
  return { event, source, reading: dated };
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
  if (reading.kind === 'unreadable' && source.origin === 'line') return [diagnostic('timeline.unreadable-date', range, reading.problem)];
  return [];
}
