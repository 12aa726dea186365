import type { Precision } from '../parse/dates';
import { isoDate, pad, wallClockAt, type WallClock } from '../parse/zones';
import type { Metric, Timeline, TimelineEvent } from './types';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "9 d 0 h", "2 h 15 min", "40 min", "< 1 min": the two largest units, rounded down. */
export function formatDuration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude === 0) return '0 min';
  if (magnitude < MINUTE) return '< 1 min';
  const sign = seconds < 0 ? '−' : '';
  const days = Math.floor(magnitude / DAY);
  const hours = Math.floor((magnitude % DAY) / HOUR);
  const minutes = Math.floor((magnitude % HOUR) / MINUTE);
  if (days > 0) return `${sign}${days} d ${hours} h`;
  if (hours > 0) return `${sign}${hours} h ${minutes} min`;
  return `${sign}${minutes} min`;
}

/**
 * A metric only as finely as its coarser end is written: "9 d" when one end is a day, "3 mo" when one is a month;
 * "9 d 4 h", "2 h 15 min" when both ends have a time. Days, months and years are counted on the calendar of the
 * report's zone, so a start and a detection on the same day are "0 d" whatever their hours.
 */
function formatMetric(metric: Metric, zone: string): string {
  if (metric.precision === 'minute' || metric.precision === 'second') return formatDuration(metric.seconds);
  const from = wallClockAt(Date.parse(metric.from), zone);
  const to = wallClockAt(Date.parse(metric.to), zone);
  switch (metric.precision) {
    case 'hour': {
      const hours = Math.trunc(metric.seconds / HOUR);
      const sign = hours < 0 ? '−' : '';
      const magnitude = Math.abs(hours);
      return magnitude >= 24 ? `${sign}${Math.floor(magnitude / 24)} d ${magnitude % 24} h` : `${sign}${magnitude} h`;
    }
    case 'day':
      return signed(dayNumber(to) - dayNumber(from), (days) => `${days} d`);
    case 'month':
      return signed(monthNumber(to) - monthNumber(from), (months) => (months >= 12 ? `${Math.floor(months / 12)} y ${months % 12} mo` : `${months} mo`));
    case 'year':
      return signed(to.year - from.year, (years) => `${years} y`);
  }
}

function signed(value: number, write: (magnitude: number) => string): string {
  return `${value < 0 ? '−' : ''}${write(Math.abs(value))}`;
}

function dayNumber(wall: WallClock): number {
  return Math.round(Date.UTC(wall.year, wall.month - 1, wall.day) / (DAY * 1000));
}

function monthNumber(wall: WallClock): number {
  return wall.year * 12 + wall.month - 1;
}

/** "2023-11-14 09:30", "2023-11-14", "2023-11" or "2023", as finely as the date is written, on the zone's clock. */
export function formatInstant(iso: string, precision: Precision, zone: string): string {
  const wall = wallClockAt(Date.parse(iso), zone);
  switch (precision) {
    case 'year':
      return String(wall.year);
    case 'month':
      return isoDate(wall).slice(0, 7);
    case 'day':
      return isoDate(wall);
    case 'second':
      return `${isoDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
    default:
      return `${isoDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}`;
  }
}

/** The event's date, or its range "start – end", on the zone's clock; null for an undated event. */
export function formatEventTime(event: TimelineEvent, zone: string): string | null {
  if (!event.at || !event.precision) return null;
  const start = formatInstant(event.at, event.precision, zone);
  return event.end ? `${start} – ${formatInstant(event.end, event.precision, zone)}` : start;
}

/** A metric as the preview and `incident-report timeline` write it, with what it is measured from. */
export interface MetricLine {
  readonly name: string;
  /** "9 d", "2 h 15 min"; "—" when a date it needs is missing. */
  readonly value: string;
  readonly known: boolean;
  /** "measured to a date (day)": how finely it is known, or why it is missing. */
  readonly detail: string;
}

const METRIC_NAMES = [
  ['timeToDetect', 'Time to detect', 'a detection'],
  ['timeToContain', 'Time to contain', 'a containment step'],
  ['timeToRecover', 'Time to recover', 'a recovery step'],
] as const;

/** The three metrics, written as finely as their dates are. */
export function metricLines(timeline: Timeline): MetricLine[] {
  return METRIC_NAMES.map(([key, name, needs]) => {
    const metric = timeline.metrics[key];
    if (metric) return { name, value: formatMetric(metric, timeline.timezone), known: true, detail: `known to the ${metric.precision}` };
    const missing = timeline.metrics.start ? `no dated ${needs}` : 'no date for the start';
    return { name, value: '—', known: false, detail: missing };
  });
}

/** "2023-11-14, when the incident began": where the metrics are measured from; null without a start. */
export function startLine(timeline: Timeline): string | null {
  const start = timeline.metrics.start;
  const event = start && timeline.events.find((candidate) => candidate.id === start.eventId);
  if (!start || !event?.precision) return null;
  const why = start.reason === 'incident-start' ? "when the incident began" : `the earliest attack or impact event (${event.phase ?? 'no phase'}), as no date says when the incident began`;
  return `${formatInstant(start.at, event.precision, timeline.timezone)}, ${why}`;
}
