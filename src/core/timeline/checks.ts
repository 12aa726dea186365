import { diagnostic, type Diagnostic, type Fix } from '../diagnostics';
import { isBefore, type ReadDate } from '../parse/dates';
import type { Range } from '../types';
import type { MetricEnds } from './metrics';
import type { EventRole, PlacedEvent, TimelineContext } from './types';

type Dated = PlacedEvent & { readonly reading: ReadDate; readonly dateRange: Range };

/** The `timeline.*` checks on placed events (listed in source order) and on the events the metrics are measured between. */
export function timelineChecks(placed: readonly PlacedEvent[], ends: MetricEnds, context: TimelineContext): Diagnostic[] {
  const dated = placed.filter((p): p is Dated => p.reading !== null && p.dateRange !== null);
  return [
    ...dated.flatMap(ambiguousDate),
    ...dated.flatMap(ambiguousZone),
    ...(context.timezoneSet ? [] : dated.flatMap(missingTimezone)),
    ...(context.now ? futureDates(dated, context.now) : []),
    ...outOfOrder(dated),
    ...detectionBeforeStart(dated),
    ...metricsContradictions(ends),
  ];
}

const NUMERIC_DATE = /\d{1,4}([./-])\d{1,2}(?:\1\d{2,4})?/;

function ambiguousDate({ reading, dateRange }: Dated): Diagnostic[] {
  if (!reading.ambiguous || !reading.isoReadings) return [];
  const token = NUMERIC_DATE.exec(reading.text);
  const fixes: Fix[] = token
    ? reading.isoReadings.map((iso) => {
        const start = dateRange.start + token.index;
        return { title: `Write ${iso}`, edits: [{ start, end: start + token[0].length, newText: iso }] };
      })
    : [];
  return [diagnostic('timeline.ambiguous-date', dateRange, `"${reading.text}" can be read two ways; it was taken as ${reading.ambiguous}: write ${reading.isoReadings[0]} or ${reading.isoReadings[1]}`, fixes)];
}

/** CST, IST, BST …: one abbreviation, several zones. The fixes write the offset meant. */
function ambiguousZone({ reading, dateRange }: Dated): Diagnostic[] {
  const zone = reading.ambiguousZone;
  if (!zone) return [];
  const start = dateRange.start + (zone.range.start - reading.range.start);
  const range = { start, end: start + zone.abbreviation.length };
  const [taken, ...others] = zone.readings;
  const fixes = zone.readings.map((meaning): Fix => ({ title: `Write ${meaning.offset} (${meaning.name})`, edits: [{ ...range, newText: meaning.offset }] }));
  const message = `"${zone.abbreviation}" names several zones: it was read as ${taken.name} (UTC${taken.offset}), not ${others.map((other) => `${other.name} (UTC${other.offset})`).join(' or ')}: write the offset`;
  return [diagnostic('timeline.ambiguous-timezone', range, message, fixes)];
}

function missingTimezone({ reading, dateRange }: Dated): Diagnostic[] {
  if (!reading.timeWithoutZone || reading.zoneSource !== 'report') return [];
  const fix: Fix = { title: 'Add "UTC"', edits: [{ start: dateRange.end, end: dateRange.end, newText: ' UTC' }], isPreferred: true };
  return [diagnostic('timeline.missing-timezone', dateRange, `"${reading.text}" has no time zone and the front matter sets no \`timezone\`: it is read as UTC`, [fix])];
}

function futureDates(dated: readonly Dated[], now: Date): Diagnostic[] {
  return dated
    .filter(({ reading }) => reading.start > now || (reading.end !== undefined && reading.end > now))
    .map(({ reading, dateRange }) => diagnostic('timeline.future-date', dateRange, `"${reading.text}" lies in the future`));
}

/** Within a phase (or a response field), each dated event against the dated one listed before it. */
function outOfOrder(dated: readonly Dated[]): Diagnostic[] {
  const previousInGroup = new Map<string, Dated>();
  const found: Diagnostic[] = [];
  for (const current of dated) {
    const { group } = current.source;
    if (group === null) continue;
    const previous = previousInGroup.get(group);
    if (previous && isBefore(current.reading, previous.reading)) {
      found.push(
        diagnostic(
          'timeline.out-of-order',
          current.dateRange,
          `"${current.reading.text}" is earlier than "${previous.reading.text}" listed before it (line ${previous.source.line + 1}): list the events of "${current.source.phase}" in chronological order`,
        ),
      );
    }
    previousInGroup.set(group, current);
  }
  return found;
}

/**
 * Detection (the discovery date, the detection phase) dated before the attack began (its first attack phase's
 * earliest event) or, for the detection phase, before the incident's start (a discovery field before the start
 * field is `dates.discovery-before-incident`).
 */
function detectionBeforeStart(dated: readonly Dated[]): Diagnostic[] {
  const withRole = (role: EventRole) => dated.filter((p) => p.source.roles.includes(role));
  const attack = withRole('attack').reduce<Dated | null>((first, p) => (!first || p.reading.start < first.reading.start ? p : first), null);
  const incident = withRole('incident-start')[0] ?? null;
  const found: Diagnostic[] = [];
  for (const detection of [...withRole('discovery'), ...withRole('detection-phase')]) {
    const starts = [attack, detection.source.roles.includes('detection-phase') ? incident : null];
    const start = starts.find((candidate) => candidate && isBefore(detection.reading, candidate.reading));
    if (!start) continue;
    found.push(
      diagnostic(
        'timeline.detection-before-start',
        detection.dateRange,
        `Detection ("${detection.reading.text}") is dated before ${start.source.name} ("${start.reading.text}", line ${start.source.line + 1})`,
      ),
    );
  }
  return found;
}

/**
 * Metrics that contradict each other at every reading of their dates: containment before detection, recovery
 * before containment, or a step before the start. A detection before a start that a field or the first attack
 * phase gives is the other rules' to report; one before a start taken from the earliest attack or impact event is
 * reported here, naming that event, so that a negative metric never goes unexplained.
 */
function metricsContradictions(ends: MetricEnds): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { start, detected, contained, recovered } = ends;
  const describe = (p: PlacedEvent & { reading: ReadDate }) => `"${p.reading.text}", line ${p.source.line + 1}`;
  const recoveredAt = (p: PlacedEvent & { reading: ReadDate }): ReadDate => (p.reading.end ? { ...p.reading, start: p.reading.end, startUntil: p.reading.endUntil ?? p.reading.end } : p.reading);
  const report = (later: (PlacedEvent & { reading: ReadDate }) | null, message: string) => {
    if (later?.dateRange) found.push(diagnostic('timeline.metrics-contradiction', later.dateRange, message));
  };
  const startWhy = start?.reason === 'incident-start' ? 'the incident began' : 'the earliest attack or impact event, taken as the start as no date says when the incident began';
  if (start && detected && start.reason !== 'incident-start' && isBefore(detected.reading, start.event.reading)) {
    report(detected, `Time to detect is negative: the detection (${describe(detected)}) comes before ${startWhy} (${describe(start.event)})`);
  }
  if (start && contained && isBefore(contained.reading, start.event.reading)) {
    report(contained, `Time to contain is negative: the first containment step (${describe(contained)}) comes before ${startWhy} (${describe(start.event)})`);
  }
  if (start && recovered && isBefore(recoveredAt(recovered), start.event.reading)) {
    report(recovered, `Time to recover is negative: the last recovery step (${describe(recovered)}) comes before ${startWhy} (${describe(start.event)})`);
  }
  if (detected && contained && isBefore(contained.reading, detected.reading)) {
    report(contained, `The incident is contained (${describe(contained)}) before it is detected (${describe(detected)}): check both dates`);
  }
  if (contained && recovered && isBefore(recoveredAt(recovered), contained.reading)) {
    report(recovered, `Service is recovered (${describe(recovered)}) before the incident is contained (${describe(contained)}): check both dates`);
  }
  return found;
}
