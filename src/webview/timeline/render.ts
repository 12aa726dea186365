// Builds the preview's DOM from a TimelineView. Report text only ever goes into `textContent`.
import type { EventView, PhaseGroupView, TechniqueView, TimelineView, TlpView } from '../../core/timeline/view';
import type { ViewMode } from '../../shared/timelineMessages';
import { element } from './dom';

const KIND_TITLES = { security: 'Security incident', operational: 'Operational incident' } as const;

export function bannerContent(view: TimelineView): Node[] {
  const labels: Node[] = [];
  if (view.tlp) labels.push(tlpLabel(view.tlp));
  if (view.kind) labels.push(element('span', { className: `kind kind-${view.kind}`, text: KIND_TITLES[view.kind] }));
  return [element('div', { className: 'labels' }, labels), element('h1', { className: 'title', text: view.title })];
}

function tlpLabel(tlp: TlpView): HTMLElement {
  return element('span', {
    className: tlp.colour ? `tlp tlp-${tlp.colour}` : 'tlp',
    text: tlp.label,
    attributes: { title: 'Traffic Light Protocol: who the report may be shared with' },
  });
}

export function metricsContent(view: TimelineView): Node[] {
  const metrics = view.metrics.map((metric) =>
    element('div', { className: metric.known ? 'metric' : 'metric unknown' }, [
      element('dt', { text: metric.name }),
      element('dd', { text: metric.value, attributes: { title: metric.detail } }),
      element('dd', { className: 'metric-detail', text: metric.detail }),
    ]),
  );
  const start = view.start ? `Measured from ${view.start}. ` : '';
  return [element('dl', { className: 'metric-list' }, metrics), element('p', { className: 'zone', text: `${start}Times in ${view.timezone}.` })];
}

/** The two views as a pair of toggle buttons; the one shown is pressed. */
export function modeSwitch(mode: ViewMode, choose: (mode: ViewMode) => void): HTMLElement {
  const button = (value: ViewMode, label: string) => {
    const created = element('button', { className: 'mode', text: label, attributes: { type: 'button', 'aria-pressed': String(value === mode), 'data-mode': value } });
    created.addEventListener('click', () => choose(value));
    return created;
  };
  return element('div', { className: 'modes', attributes: { role: 'group', 'aria-label': 'View' } }, [button('list', 'List'), button('axis', 'Time axis')]);
}

export function lanesContent(view: TimelineView): Node[] {
  if (view.dated.length === 0 && view.undated.length === 0) {
    return [element('p', { className: 'empty', text: 'No events yet: give the phases and the Timeline of Events their dates.' })];
  }
  const lanes: Node[] = [];
  if (view.dated.length > 0) lanes.push(lane('dated', 'Timeline', view.dated.map(phaseGroup)));
  if (view.undated.length > 0) lanes.push(lane('undated', 'Undated', [eventList(view.undated, true)]));
  return lanes;
}

/** "12 events, 2 undated", for the live region. */
export function summary(view: TimelineView): string {
  const count = view.dated.reduce((sum, group) => sum + group.events.length, 0) + view.undated.length;
  const events = `${count} ${count === 1 ? 'event' : 'events'}`;
  return view.undated.length > 0 ? `${events}, ${view.undated.length} undated` : events;
}

const STATUS_NOTES: Readonly<Record<TechniqueView['status'], string | null>> = { valid: null, unknown: 'not in ATT&CK', revoked: 'revoked', deprecated: 'deprecated' };

/** The cited techniques in kill-chain order, each a button that reveals where the report first cites it. */
export function techniquesContent(view: TimelineView, choose: (techniqueId: string) => void): Node[] {
  if (view.techniques.length === 0) return [];
  const items = view.techniques.map((technique) => {
    const note = STATUS_NOTES[technique.status];
    const parts: Node[] = [element('span', { className: 'technique-id', text: technique.id }), element('span', { className: 'technique-name', text: technique.name })];
    if (note) parts.push(element('span', { className: `technique-status status-${technique.status}`, text: note }));
    if (technique.tactics) parts.push(element('span', { className: 'technique-tactics', text: technique.tactics }));
    const cited = technique.citations === 1 ? 'cited once' : `cited ${technique.citations} times`;
    const button = element('button', { className: 'technique', attributes: { type: 'button', title: `${cited}: show the first citation` } }, parts);
    button.addEventListener('click', () => choose(technique.id));
    return element('li', {}, [button]);
  });
  return [
    element('h2', { className: 'lane-title', text: 'ATT&CK techniques', attributes: { id: 'techniques-title' } }),
    element('ol', { className: 'technique-list', attributes: { role: 'list' } }, items),
  ];
}

export function notReportContent(fileName: string): Node[] {
  return [element('p', { className: 'empty', text: `${fileName} is not an incident report.` })];
}

function lane(id: string, title: string, content: readonly Node[]): HTMLElement {
  const headingId = `lane-${id}`;
  return element('section', { className: `lane lane-${id}`, attributes: { 'aria-labelledby': headingId } }, [
    element('h2', { className: 'lane-title', text: title, attributes: { id: headingId } }),
    ...content,
  ]);
}

function phaseGroup(group: PhaseGroupView): HTMLElement {
  const title = [element('span', { className: 'phase', text: group.phase })];
  if (group.phase !== group.categoryTitle) title.push(element('span', { className: 'category', text: group.categoryTitle }));
  return element('section', { className: `group category-${group.category}`, attributes: { 'aria-label': `${group.phase}, ${group.categoryTitle}` } }, [
    element('h3', { className: 'group-title' }, title),
    eventList(group.events, false),
  ]);
}

function eventList(events: readonly EventView[], showPhase: boolean): HTMLElement {
  return element('ol', { className: 'events', attributes: { role: 'list' } }, events.map((event) => eventItem(event, showPhase)));
}

function eventItem(event: EventView, showPhase: boolean): HTMLElement {
  const parts: Node[] = [];
  if (event.gap) parts.push(element('span', { className: 'gap', text: event.gap }));
  if (event.when) parts.push(element('span', { className: 'when', text: event.when }));
  if (showPhase) parts.push(element('span', { className: `phase-label category-${event.category}`, text: phaseLabel(event) }));
  parts.push(element('p', { className: 'text', text: event.text }));
  return element('li', { className: `event category-${event.category}`, attributes: { 'data-id': event.id, 'data-line': String(event.line), tabindex: '-1' } }, parts);
}

function phaseLabel(event: EventView): string {
  return event.phase === event.categoryTitle ? event.phase : `${event.phase} · ${event.categoryTitle}`;
}
