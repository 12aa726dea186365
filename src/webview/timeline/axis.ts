// The time-axis view: a lane per phase category, each event where its date falls, drawn with SVG. Positions are
// percentages of the lane's width, so the picture follows the panel's width without measuring it.
import type { AxisItem, AxisLayout } from '../../core/timeline/axis';
import type { EventView, TimelineView } from '../../shared/timelineMessages';
import { element, svgElement } from './dom';

const ROW_HEIGHT = 22;
const MARKER_RADIUS = 6;
/** A span narrower than this (a fraction of the width) is drawn this wide, so that it can be seen and clicked. */
const MIN_SPAN = 0.006;

const LANE_TITLES: Readonly<Record<string, string>> = { attack: 'Attack', impact: 'Impact', detection: 'Detection', response: 'Response', recovery: 'Recovery', detail: 'Other' };

export function axisContent(view: TimelineView): Node[] {
  const { axis } = view;
  if (axis.lanes.length === 0) return [element('p', { className: 'empty', text: 'No dated events to place on a time axis yet.' })];
  const events = new Map(view.dated.flatMap((group) => group.events).map((event, order) => [event.id, { event, order }]));
  const lanes = axis.lanes.map((lane) =>
    element('div', { className: `axis-lane category-${lane.category}`, attributes: { role: 'group', 'aria-label': `${LANE_TITLES[lane.category]} lane` } }, [
      element('div', { className: 'axis-lane-title', text: LANE_TITLES[lane.category], attributes: { 'aria-hidden': 'true' } }),
      track(lane.rows, axis, lane.items.map((item) => marker(item, events.get(item.eventId)))),
    ]),
  );
  const note = view.undated.length > 0 ? [element('p', { className: 'note', text: `${view.undated.length} undated ${view.undated.length === 1 ? 'event is' : 'events are'} in the list view.` })] : [];
  const detail = element('p', { className: 'axis-detail', text: 'Point at an event, or move to it with the arrow keys, to read it here.' });
  return [...lanes, element('div', { className: 'axis-lane axis-scale', attributes: { 'aria-hidden': 'true' } }, [element('div', { className: 'axis-lane-title' }), scale(axis)]), detail, ...note];
}

/** Shows the event under the pointer or with the focus in the axis's detail line (its label, as written). */
export function followAxisDetail(container: HTMLElement): void {
  const show = (target: EventTarget | null) => {
    const item = target instanceof Element ? target.closest('.axis-event') : null;
    const detail = container.querySelector('.axis-detail');
    if (item && detail) detail.textContent = item.getAttribute('aria-label');
  };
  container.addEventListener('focusin', (event) => show(event.target));
  container.addEventListener('mouseover', (event) => show(event.target));
}

/** One lane's drawing: the compressed gaps as hatched bands, then the events. */
function track(rows: number, axis: AxisLayout, markers: readonly Node[]): SVGSVGElement {
  const height = rows * ROW_HEIGHT;
  const bands = axis.breaks.map((gap) => svgElement('rect', { class: 'axis-break', x: percent(gap.x), y: '0', width: percent(gap.width), height: String(height) }));
  return svgElement('svg', { class: 'axis-track', width: '100%', height: String(height), overflow: 'visible' }, [...bands, ...markers]);
}

/** An event: a span (a date written as a day or a month, a range) or a point (a time). Focusable, labelled, clickable. */
function marker(item: AxisItem, found: { event: EventView; order: number } | undefined): SVGGElement {
  const event = found?.event;
  const label = event ? [event.when, event.phase, event.text].filter(Boolean).join(' · ') : item.eventId;
  const y = item.row * ROW_HEIGHT + ROW_HEIGHT / 2;
  const shape =
    item.width > 0
      ? svgElement('rect', { class: 'axis-span', x: percent(item.x), y: String(y - 5), width: percent(Math.max(item.width, MIN_SPAN)), height: '10', rx: '3' })
      : svgElement('circle', { class: 'axis-point', cx: percent(item.x), cy: String(y), r: String(MARKER_RADIUS) });
  return svgElement(
    'g',
    { class: `event axis-event category-${item.category}`, 'data-id': item.eventId, 'data-order': String(found?.order ?? 0), tabindex: '-1', role: 'button', 'aria-label': label },
    [svgElement('title', {}, [document.createTextNode(label)]), shape],
  );
}

/** The ticks under the lanes, and the length of each compressed gap. */
function scale(axis: AxisLayout): SVGSVGElement {
  const tickMarks = axis.ticks.flatMap((tick, index) => {
    const edge = index === 0 || index === axis.ticks.length - 1;
    const anchor = index === 0 ? 'start' : edge ? 'end' : 'middle';
    return [
      svgElement('line', { class: 'axis-tick', x1: percent(tick.x), x2: percent(tick.x), y1: '0', y2: '6' }),
      svgElement('text', { class: edge ? 'axis-label' : 'axis-label axis-label-between', x: percent(tick.x), y: '20', 'text-anchor': anchor }, [document.createTextNode(tick.label)]),
    ];
  });
  const gapLabels = axis.breaks.map((gap) =>
    svgElement('text', { class: 'axis-break-label', x: percent(gap.x + gap.width / 2), y: '36', 'text-anchor': 'middle' }, [document.createTextNode(`≈ ${gap.label}`)]),
  );
  return svgElement('svg', { class: 'axis-track', width: '100%', height: '42', overflow: 'visible' }, [svgElement('line', { class: 'axis-line', x1: '0', x2: '100%', y1: '0', y2: '0' }), ...tickMarks, ...gapLabels]);
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(3)}%`;
}
