// The Timeline preview's page. It renders what the host sends, patching the page in place so that scroll position
// and focus survive updates, and tells the host which event was chosen and which view (list or time axis) is wanted.
import type { TimelineView } from '../../core/timeline/view';
import type { HostMessage, ViewMode } from '../../shared/timelineMessages';
import { axisContent, followAxisDetail } from './axis';
import { element, setText } from './dom';
import { EventNavigation } from './navigation';
import { bannerContent, lanesContent, metricsContent, modeSwitch, notReportContent, summary, techniquesContent } from './render';
import type { VsCodeApi } from './vscodeApi';

class TimelinePage {
  private readonly banner = element('header', { className: 'banner' });
  private readonly metrics = element('section', { className: 'metrics', attributes: { 'aria-label': 'Metrics' } });
  private readonly toolbar = element('div', { className: 'toolbar' });
  private readonly status = element('p', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } });
  private readonly lanes = element('main', { className: 'lanes', attributes: { 'aria-label': 'Events' } });
  private readonly techniques = element('section', { className: 'techniques', attributes: { 'aria-labelledby': 'techniques-title' } });
  private readonly navigation = new EventNavigation(this.lanes, (item) => this.choose(item));
  private readonly api: VsCodeApi = acquireVsCodeApi();
  /** The document shown: highlights about another one are ignored, and the page's own messages name it. */
  private uri: string | null = null;
  private highlightedId: string | null = null;
  /** The view of this panel: its own choice (kept with its state), else the one the host remembers for new panels. */
  private mode: ViewMode | null = this.api.getState()?.mode ?? null;
  private view: TimelineView | null = null;

  constructor(root: HTMLElement) {
    root.append(this.banner, this.metrics, this.toolbar, this.status, this.lanes, this.techniques);
    followAxisDetail(this.lanes);
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'update':
        this.mode ??= message.mode;
        this.show(message.uri, () => this.render(message.view));
        break;
      case 'notReport':
        this.show(message.uri, () => {
          this.view = null;
          this.banner.replaceChildren();
          this.metrics.replaceChildren();
          this.toolbar.replaceChildren();
          setText(this.status, '');
          this.lanes.replaceChildren(...notReportContent(message.fileName));
          this.techniques.replaceChildren();
        });
        break;
      case 'highlight':
        if (message.uri === this.uri) this.highlight(message.eventId, true);
        break;
    }
  }

  /** Renders the document's state; the scroll position and focus stay when it is the same document. */
  private show(uri: string, render: () => void): void {
    const sameDocument = uri === this.uri;
    if (!sameDocument) {
      this.uri = uri;
      this.highlightedId = null;
      this.saveState();
    }
    const scroller = document.scrollingElement ?? document.documentElement;
    const scrollTop = sameDocument ? scroller.scrollTop : 0;
    const tabStopId = sameDocument ? this.navigation.tabStopId() : null;
    const hadFocus = this.navigation.hasFocus();
    render();
    this.highlight(this.highlightedId, false);
    this.navigation.restoreTabStop([tabStopId, this.highlightedId], hadFocus);
    scroller.scrollTop = scrollTop;
  }

  private render(view: TimelineView): void {
    this.view = view;
    const mode = this.mode ?? 'list';
    this.banner.replaceChildren(...bannerContent(view));
    this.metrics.replaceChildren(...metricsContent(view));
    this.toolbar.replaceChildren(modeSwitch(mode, (chosen) => this.switchTo(chosen)));
    setText(this.status, summary(view));
    this.lanes.className = `lanes view-${mode}`;
    this.lanes.replaceChildren(...(mode === 'axis' ? axisContent(view) : lanesContent(view)));
    this.techniques.replaceChildren(...techniquesContent(view, (techniqueId) => this.chooseTechnique(techniqueId)));
  }

  private chooseTechnique(techniqueId: string): void {
    if (this.uri !== null) this.api.postMessage({ type: 'revealTechnique', uri: this.uri, techniqueId });
  }

  /** Another view: drawn at once, kept with this panel's state, and remembered by the host for the next panels. */
  private switchTo(mode: ViewMode): void {
    if (mode === this.mode || !this.view || this.uri === null) return;
    this.mode = mode;
    this.saveState();
    this.api.postMessage({ type: 'mode', mode });
    const view = this.view;
    this.show(this.uri, () => this.render(view));
    this.toolbar.querySelector<HTMLElement>(`[data-mode="${mode}"]`)?.focus();
  }

  private saveState(): void {
    if (this.uri !== null) this.api.setState({ uri: this.uri, mode: this.mode ?? undefined });
  }

  private highlight(eventId: string | null, scrollIntoView: boolean): void {
    this.highlightedId = eventId;
    for (const previous of this.lanes.querySelectorAll('[aria-current]')) previous.removeAttribute('aria-current');
    const item = eventId === null ? null : this.navigation.item(eventId);
    if (!item) return;
    item.setAttribute('aria-current', 'true');
    if (scrollIntoView) item.scrollIntoView({ block: 'nearest' });
  }

  private choose(item: HTMLElement | SVGElement): void {
    const eventId = item.dataset.id;
    if (eventId === undefined || this.uri === null) return;
    this.highlight(eventId, false);
    this.api.postMessage({ type: 'reveal', uri: this.uri, eventId });
  }
}

function initialMessage(): HostMessage {
  const data = document.getElementById('timeline-initial-message')?.dataset.message;
  if (data === undefined) throw new Error('The page has no initial message');
  return JSON.parse(data) as HostMessage;
}

const page = new TimelinePage(document.getElementById('timeline-root') ?? document.body);
page.handle(initialMessage());
window.addEventListener('message', (event: MessageEvent<HostMessage>) => page.handle(event.data));
