import type { Precision } from '../parse/dates';
import { formatDuration, formatInstant } from './format';
import type { PhaseCategory, Timeline, TimelineEvent } from './types';

/** The lanes of the time axis, top to bottom: the incident's side, then the responders'. */
const LANE_ORDER: readonly PhaseCategory[] = ['attack', 'impact', 'detection', 'response', 'recovery', 'detail'];

/** An event on the axis: positions are fractions of the axis's width (0 to 1). */
export interface AxisItem {
  readonly eventId: string;
  readonly category: PhaseCategory;
  readonly x: number;
  /** Width of a span (a day, a month, a range); 0 for an instant. */
  readonly width: number;
  /** Row within its lane, so that items at the same place do not cover each other. */
  readonly row: number;
}

/** A gap too long to draw to scale: drawn narrow between `x` and `x + width`, with its length as a label. */
interface AxisBreak {
  readonly x: number;
  readonly width: number;
  readonly label: string;
}

interface AxisTick {
  readonly x: number;
  readonly label: string;
}

export interface AxisLayout {
  readonly lanes: readonly { readonly category: PhaseCategory; readonly rows: number; readonly items: readonly AxisItem[] }[];
  readonly breaks: readonly AxisBreak[];
  readonly ticks: readonly AxisTick[];
}

/** A gap longer than this many times the typical one is compressed. */
const COMPRESS_FACTOR = 4;
/** Items closer than this (a fraction of the width) go on separate rows. */
const MIN_SEPARATION = 0.03;
const MAX_TICKS = 6;

/**
 * Lays the dated events of a timeline out on one time axis: a lane per phase category, positions proportional
 * to time, except that gaps much longer than the typical gap are drawn narrow and marked with their length; dates
 * written as a day, a month or a range are spans. Pure, so the preview and the HTML export draw the same picture.
 */
export function axisLayout(timeline: Timeline): AxisLayout {
  const dated = timeline.events.filter((event): event is TimelineEvent & { at: string; precision: Precision } => event.at !== null && event.precision !== null);
  if (dated.length === 0) return { lanes: [], breaks: [], ticks: [] };
  const spans = dated.map((event) => ({ event, start: Date.parse(event.at), end: spanEnd(event) }));
  const points = [...new Set(spans.flatMap(({ start, end }) => [start, end]))].sort((a, b) => a - b);
  const gaps = points.slice(1).map((point, i) => point - points[i]);
  const typical = median(gaps.filter((gap) => gap > 0)) || 1;
  const limit = typical * COMPRESS_FACTOR;
  const widths = gaps.map((gap) => Math.min(gap, limit));
  const total = widths.reduce((sum, width) => sum + width, 0) || 1;
  const offsets = [0];
  for (const width of widths) offsets.push(offsets[offsets.length - 1] + width / total);
  const indexOf = new Map(points.map((point, i) => [point, i]));
  const xOf = (time: number) => offsets[indexOf.get(time)!];
  const breaks = gaps.flatMap((gap, i) => (gap > limit ? [{ x: offsets[i], width: offsets[i + 1] - offsets[i], label: formatDuration(gap / 1000) }] : []));
  const lanes = LANE_ORDER.flatMap((category) => {
    const inLane = spans.filter(({ event }) => event.category === category).sort((a, b) => a.start - b.start);
    if (inLane.length === 0) return [];
    const rowEnds: number[] = [];
    const items = inLane.map(({ event, start, end }): AxisItem => {
      const x = xOf(start);
      const width = xOf(end) - x;
      let row = rowEnds.findIndex((rowEnd) => rowEnd + MIN_SEPARATION <= x);
      if (row === -1) row = rowEnds.length;
      rowEnds[row] = x + width;
      return { eventId: event.id, category, x, width, row };
    });
    return [{ category, rows: rowEnds.length, items }];
  });
  return { lanes, breaks, ticks: ticks(points, offsets, timeline.timezone) };
}

/** The end of what an event covers: a range's end, the end of a day or month written without a time, else its instant. */
function spanEnd(event: TimelineEvent & { at: string; precision: Precision }): number {
  const start = Date.parse(event.end ?? event.at);
  switch (event.precision) {
    case 'day':
      return start + 86_400_000;
    case 'month':
      return start + 30 * 86_400_000;
    case 'year':
      return start + 365 * 86_400_000;
    default:
      return start;
  }
}

/** Labels at the first and last instant and at evenly spaced ones between, on the zone's calendar. */
function ticks(points: readonly number[], offsets: readonly number[], zone: string): AxisTick[] {
  const step = Math.max(1, Math.ceil((points.length - 1) / (MAX_TICKS - 1)));
  const chosen = points.map((_, i) => i).filter((i) => i % step === 0 || i === points.length - 1);
  return chosen.map((i) => ({ x: offsets[i], label: formatInstant(new Date(points[i]).toISOString(), 'day', zone) }));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
