import type { ReadDate } from '../parse/dates';
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics';
import type { Range } from '../types';
import type { EventRole, PlacedEvent, TimelineContext } from './types';
import { wallClockAt } from '../parse/zones';

type Dated = PlacedEvent & { readonly reading: ReadDate; readonly event: { readonly dateRange: Range } };

/** The `timeline.*` checks on placed events (listed in source order). */
export function timelineChecks(placed: readonly PlacedEvent[], context: TimelineContext): Diagnostic[] {
  const dated = placed.filter((p): p is Dated => p.reading !== null && p.event.dateRange !== null);
  return [
    ...dated.flatMap(ambiguousDate),
    ...(context.timezoneSet ? [] : dated.flatMap(missingTimezone)),
    ...(context.now ? futureDates(dated, context.now) : []),
    ...outOfOrder(dated, context.timezone),
    ...detectionBeforeStart(dated, context.timezone),
  ];
}

const NUMERIC_DATE = /\d{1,4}([./-])\d{1,2}(?:\1\d{2,4})?/;

function ambiguousDate({ reading, event }: Dated): Diagnostic[] {
  if (!reading.ambiguous || !reading.isoReadings) return [];
  const token = NUMERIC_DATE.exec(reading.text);
  const fixes: Fix[] = token
    ? reading.isoReadings.map((iso) => {
        const start = event.dateRange.start + token.index;
        return { title: `Write ${iso}`, edits: [{ start, end: start + token[0].length, newText: iso }] };
      })
    : [];
  return [diagnostic('timeline.ambiguous-date', event.dateRange, `"${reading.text}" can be read two ways; it was taken as ${reading.ambiguous}: write ${reading.isoReadings[0]} or ${reading.isoReadings[1]}`, fixes)];
}

function missingTimezone({ reading, event }: Dated): Diagnostic[] {
  if (!reading.timeWithoutZone) return [];
  const fix: Fix = { title: 'Add "UTC"', edits: [{ start: event.dateRange.end, end: event.dateRange.end, newText: ' UTC' }], isPreferred: true };
  return [diagnostic('timeline.missing-timezone', event.dateRange, `"${reading.text}" has no time zone and the front matter sets no \`timezone\`: it is read as UTC`, [fix])];
}

function futureDates(dated: readonly Dated[], now: Date): Diagnostic[] {
  return dated
    .filter(({ reading }) => reading.start > now || (reading.end !== undefined && reading.end > now))
    .map(({ reading, event }) => diagnostic('timeline.future-date', event.dateRange, `"${reading.text}" lies in the future`));
}

/** Within a phase (or a Response Actions field), each dated event against the dated one listed before it. */
function outOfOrder(dated: readonly Dated[], zone: string): Diagnostic[] {
  const previousInGroup = new Map<string, Dated>();
  const found: Diagnostic[] = [];
  for (const current of dated) {
    const { group } = current.source;
    if (group === null) continue;
    const previous = previousInGroup.get(group);
    if (previous && compareLoosely(current.reading, previous.reading, zone) < 0) {
      found.push(
        diagnostic(
          'timeline.out-of-order',
          current.event.dateRange,
          `"${current.reading.text}" is earlier than "${previous.reading.text}" listed before it (line ${previous.event.line + 1}): list the events of "${current.event.phase}" in chronological order`,
        ),
      );
    }
    previousInGroup.set(group, current);
  }
  return found;
}

/**
 * Detection (the discovery date, the detection phase) dated before the attack began (its earliest attack-phase
 * event) or, for the detection phase, before the incident's start (a discovery field before the start field is
 * `dates.discovery-before-incident`).
 */
function detectionBeforeStart(dated: readonly Dated[], zone: string): Diagnostic[] {
  const withRole = (role: EventRole) => dated.filter((p) => p.source.role === role);
  const attack = withRole('attack').reduce<Dated | null>((first, p) => (!first || p.reading.start < first.reading.start ? p : first), null);
  const incident = withRole('incident-start')[0] ?? null;
  const found: Diagnostic[] = [];
  for (const detection of [...withRole('discovery'), ...withRole('detection-phase')]) {
    const starts = [attack, detection.source.role === 'detection-phase' ? incident : null];
    const start = starts.find((candidate) => candidate && compareLoosely(detection.reading, candidate.reading, zone) < 0);
    if (!start) continue;
    found.push(
      diagnostic(
        'timeline.detection-before-start',
        detection.event.dateRange,
        `Detection ("${detection.reading.text}") is dated before ${start.source.name} ("${start.reading.text}", line ${start.event.line + 1})`,
      ),
    );
  }
  return found;
}

/** Earlier or later by the instant when both have a time of day; else by the calendar day in the report's zone. */
function compareLoosely(a: ReadDate, b: ReadDate, zone: string): number {
  if (a.hasTime && b.hasTime) return a.start.getTime() - b.start.getTime();
  return dayNumber(a.start, zone) - dayNumber(b.start, zone);
}

function dayNumber(instant: Date, zone: string): number {
  const { year, month, day } = wallClockAt(instant.getTime(), zone);
  return year * 10_000 + month * 100 + day;
}
