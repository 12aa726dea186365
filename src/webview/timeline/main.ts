// The Timeline preview's page. It renders what the host sends, patching the page in place so that scroll position
// and focus survive updates, and tells the host which event was chosen.
import type { HostMessage, TimelineView } from '../../shared/timelineMessages';
import { element, setText } from './dom';
import { EventNavigation } from './navigation';
import { bannerContent, lanesContent, metricsContent, notReportContent, summary } from './render';
import type { VsCodeApi } from './vscodeApi';

class TimelinePage {
  private readonly banner = element('header', { className: 'banner' });
  private readonly metrics = element('section', { className: 'metrics', attributes: { 'aria-label': 'Metrics' } });
  private readonly status = element('p', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } });
  private readonly lanes = element('main', { className: 'lanes', attributes: { 'aria-label': 'Events' } });
  private readonly navigation = new EventNavigation(this.lanes, (item) => this.choose(item));
  private readonly api: VsCodeApi = acquireVsCodeApi();
  /** The document shown: highlights about another one are ignored, and the page's own messages name it. */
  private uri: string | null = null;
  private highlightedId: string | null = null;

  constructor(root: HTMLElement) {
    root.append(this.banner, this.metrics, this.status, this.lanes);
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'update':
        this.show(message.uri, () => this.render(message.view));
        break;
      case 'notReport':
        this.show(message.uri, () => {
          this.banner.replaceChildren();
          this.metrics.replaceChildren();
          setText(this.status, '');
          this.lanes.replaceChildren(...notReportContent(message.fileName));
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
      this.api.setState({ uri });
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
    this.banner.replaceChildren(...bannerContent(view));
    this.metrics.replaceChildren(...metricsContent(view));
    setText(this.status, summary(view));
    this.lanes.replaceChildren(...lanesContent(view));
  }

  private highlight(eventId: string | null, scrollIntoView: boolean): void {
    this.highlightedId = eventId;
    for (const previous of this.lanes.querySelectorAll('[aria-current]')) previous.removeAttribute('aria-current');
    const item = eventId === null ? null : this.navigation.item(eventId);
    if (!item) return;
    item.setAttribute('aria-current', 'true');
    if (scrollIntoView) item.scrollIntoView({ block: 'nearest' });
  }

  private choose(item: HTMLElement): void {
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
