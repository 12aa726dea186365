// The time-axis view as markup: a lane per phase category, each event where its date falls, drawn with SVG.
// Positions are percentages of the lane's width, so the picture follows the width of the panel or the page without
// measuring it. The preview (interactive: focusable, clickable events) and the HTML export (static) draw the same.
import { markup, type Markup } from '../text/markup';
import type { AxisItem, AxisLayout } from './axis';
import type { EventView, TimelineView } from './view';

const ROW_HEIGHT = 22;
const MARKER_RADIUS = 6;
/** A span narrower than this (a fraction of the width) is drawn this wide, so that it can be seen and clicked. */
const MIN_SPAN = 0.006;

/** The lanes, the scale under them, and (in the preview) the line that shows the event pointed at. */
export function axisDrawing(view: TimelineView, interactive: boolean): Markup[] {
  const { axis } = view;
  if (axis.lanes.length === 0) return [markup('p', { class: 'empty' }, ['No dated events to place on a time axis yet.'])];
  const events = new Map(view.dated.flatMap((group) => group.events).map((event, order) => [event.id, { event, order }]));
  const lanes = axis.lanes.map((lane) => {
    // Every event of a lane is of its category, so the first one's title names the lane.
    const title = events.get(lane.items[0].eventId)?.event.categoryTitle ?? lane.category;
    return markup('div', { class: `axis-lane category-${lane.category}`, role: 'group', 'aria-label': `${title} lane` }, [
      markup('div', { class: 'axis-lane-title', 'aria-hidden': 'true' }, [title]),
      track(lane.rows, axis, lane.items.map((item) => marker(item, events.get(item.eventId), interactive))),
    ]);
  });
  const scaleLane = markup('div', { class: 'axis-lane axis-scale', 'aria-hidden': 'true' }, [markup('div', { class: 'axis-lane-title' }), scale(axis)]);
  const detail = interactive ? [markup('p', { class: 'axis-detail' }, ['Point at an event, or move to it with the arrow keys, to read it here.'])] : [];
  const undated = view.undated.length;
  const where = interactive ? 'in the list view' : 'listed below';
  const note = undated > 0 ? [markup('p', { class: 'note' }, [`${undated} undated ${undated === 1 ? 'event is' : 'events are'} ${where}.`])] : [];
  return [...lanes, scaleLane, ...detail, ...note];
}

/** "2023-11-14 09:30 · Initial Access · Phishing mail opened": an event as one line. */
export function eventLabel(event: EventView): string {
  return [event.when, event.phase, event.text].filter(Boolean).join(' · ');
}

/** One lane's drawing: the compressed gaps as hatched bands, then the events. */
function track(rows: number, axis: AxisLayout, markers: readonly Markup[]): Markup {
  const height = rows * ROW_HEIGHT;
  const bands = axis.breaks.map((gap) => markup('rect', { class: 'axis-break', x: percent(gap.x), y: '0', width: percent(gap.width), height: String(height) }));
  return markup('svg', { class: 'axis-track', width: '100%', height: String(height), overflow: 'visible' }, [...bands, ...markers]);
}

/** An event: a span (a date written as a day or a month, a range) or a point (a time), with its label as a tooltip. */
function marker(item: AxisItem, found: { event: EventView; order: number } | undefined, interactive: boolean): Markup {
  const label = found ? eventLabel(found.event) : item.eventId;
  const y = item.row * ROW_HEIGHT + ROW_HEIGHT / 2;
  const shape =
    item.width > 0
      ? markup('rect', { class: 'axis-span', x: percent(item.x), y: String(y - 5), width: percent(Math.max(item.width, MIN_SPAN)), height: '10', rx: '3' })
      : markup('circle', { class: 'axis-point', cx: percent(item.x), cy: String(y), r: String(MARKER_RADIUS) });
  const attributes: Record<string, string> = { class: `event axis-event category-${item.category}`, 'data-id': item.eventId, 'aria-label': label };
  if (interactive) Object.assign(attributes, { 'data-order': String(found?.order ?? 0), tabindex: '-1', role: 'button' });
  return markup('g', attributes, [markup('title', {}, [label]), shape]);
}

/** The ticks under the lanes, and the length of each compressed gap. */
function scale(axis: AxisLayout): Markup {
  const tickMarks = axis.ticks.flatMap((tick, index) => {
    const edge = index === 0 || index === axis.ticks.length - 1;
    const anchor = index === 0 ? 'start' : edge ? 'end' : 'middle';
    return [
      markup('line', { class: 'axis-tick', x1: percent(tick.x), x2: percent(tick.x), y1: '0', y2: '6' }),
      markup('text', { class: edge ? 'axis-label' : 'axis-label axis-label-between', x: percent(tick.x), y: '20', 'text-anchor': anchor }, [tick.label]),
    ];
  });
  const gapLabels = axis.breaks.map((gap) => markup('text', { class: 'axis-break-label', x: percent(gap.x + gap.width / 2), y: '36', 'text-anchor': 'middle' }, [`≈ ${gap.label}`]));
  return markup('svg', { class: 'axis-track', width: '100%', height: '42', overflow: 'visible' }, [markup('line', { class: 'axis-line', x1: '0', x2: '100%', y1: '0', y2: '0' }), ...tickMarks, ...gapLabels]);
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(3)}%`;
}
