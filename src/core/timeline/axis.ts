import type { Precision } from '../parse/dates';
import { formatInstant } from './format';
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

/** A gap longer than this many times the typical one is compressed … */
const COMPRESS_FACTOR = 4;
/** … to this many times the typical one, so that it reads as a break, not as time. */
const COMPRESSED_WIDTH = 1.5;
/** Items closer than this (a fraction of the width) go on separate rows. */
const MIN_SEPARATION = 0.03;
/** Tick labels are kept this far apart (a fraction of the width), so that they never overlap. */
const TICK_SPACING = 0.2;

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
  const widths = gaps.map((gap) => (gap > limit ? typical * COMPRESSED_WIDTH : gap));
  const total = widths.reduce((sum, width) => sum + width, 0) || 1;
  const offsets = [0];
  for (const width of widths) offsets.push(offsets[offsets.length - 1] + width / total);
  const indexOf = new Map(points.map((point, i) => [point, i]));
  const xOf = (time: number) => offsets[indexOf.get(time)!];
  const breaks = gaps.flatMap((gap, i) => (gap > limit ? [{ x: offsets[i], width: offsets[i + 1] - offsets[i], label: roughDuration(gap) }] : []));
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
  const starts = new Set(spans.map(({ start }) => start));
  return { lanes, breaks, ticks: ticks(points.flatMap((point, i) => (starts.has(point) ? [{ time: point, x: offsets[i] }] : [])), timeline.timezone) };
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

/**
 * Labels at events' days, on the zone's calendar: the first, the last, and between them those that stay far enough
 * from their neighbours that no two overlap. A day is labelled once.
 */
function ticks(starts: readonly { time: number; x: number }[], zone: string): AxisTick[] {
  const days: AxisTick[] = [];
  for (const { time, x } of starts) {
    const label = formatInstant(new Date(time).toISOString(), 'day', zone);
    if (days[days.length - 1]?.label !== label) days.push({ x, label });
  }
  const first = days[0];
  const last = days[days.length - 1];
  const kept = [first];
  for (const tick of days.slice(1, -1)) {
    if (tick.x - kept[kept.length - 1].x >= TICK_SPACING && last.x - tick.x >= TICK_SPACING) kept.push(tick);
  }
  if (last !== first && last.x - kept[kept.length - 1].x >= TICK_SPACING) kept.push(last);
  return kept;
}

/** "12 d", "5 h", "40 min": a gap's length in its largest unit, for a label that must stay short. */
function roughDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes >= 24 * 60) return `${Math.round(minutes / (24 * 60))} d`;
  if (minutes >= 60) return `${Math.round(minutes / 60)} h`;
  return `${minutes} min`;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
