// The Portfolio's page. It draws what the host sends (the charts and figures are laid out as markup, so
// report text only ever becomes text nodes and attribute values), keeps the focus where it was across updates, and
// asks the host to open the report chosen in the list.
import type { PortfolioView } from '../../core/portfolio/view';
import { hostMessageSchema, type WebviewMessage } from '../../shared/portfolioMessages';
import { headlineFigures, portfolioCharts, reportList } from '../../shared/portfolioPage';
import { element, fromMarkup, setText } from '../timeline/dom';

const REPORT_SELECTOR = 'button.report';

class PortfolioPage {
  private readonly status = element('p', { className: 'status', text: 'Reading the reports of the workspace…', attributes: { role: 'status', 'aria-live': 'polite' } });
  private readonly figures = element('section', { className: 'figures-section', attributes: { 'aria-label': 'Headline figures' } });
  private readonly charts = element('section', { className: 'charts', attributes: { 'aria-label': 'Charts' } });
  private readonly list = element('div');
  private readonly api = acquireVsCodeApi<WebviewMessage, never>();

  constructor(root: HTMLElement) {
    const reports = element('section', { className: 'reports', attributes: { 'aria-labelledby': 'reports-title' } }, [
      element('h2', { text: 'Reports', attributes: { id: 'reports-title' } }),
      this.list,
    ]);
    root.append(element('h1', { text: 'Incident portfolio' }), this.status, this.figures, this.charts, reports);
    // A button is chosen with a click, Enter or Space alike.
    this.list.addEventListener('click', (event) => {
      const uri = event.target instanceof Element ? event.target.closest<HTMLElement>(REPORT_SELECTOR)?.dataset.uri : undefined;
      if (uri !== undefined) this.api.postMessage({ type: 'openReport', uri });
    });
  }

  /** A message from the host; anything but a valid view is ignored. */
  handle(message: unknown): void {
    const parsed = hostMessageSchema.safeParse(message);
    if (parsed.success) this.render(parsed.data.view);
  }

  ready(): void {
    this.api.postMessage({ type: 'ready' });
  }

  private render(view: PortfolioView): void {
    const focused = this.focusedKey();
    const { reports } = view.stats;
    setText(this.status, `${reports} ${reports === 1 ? 'report' : 'reports'} in the workspace.`);
    this.figures.replaceChildren(fromMarkup(headlineFigures(view.stats)));
    this.charts.replaceChildren(...portfolioCharts(view).map((chart) => fromMarkup(chart)));
    this.list.replaceChildren(fromMarkup(reportList(view.reports)));
    if (focused) this.refocus(focused);
  }

  /**
   * What has the focus, by what outlives a render: a chart's id or a report's URI. Nothing when the page has not
   * the focus (it keeps its `activeElement`): a render must not take the focus from the editor.
   */
  private focusedKey(): { id?: string; uri?: string } | null {
    if (!document.hasFocus()) return null;
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active === document.body) return null;
    if (active.matches(REPORT_SELECTOR)) return { uri: active.dataset.uri };
    return active.id ? { id: active.id } : null;
  }

  private refocus({ id, uri }: { id?: string; uri?: string }): void {
    const target = id !== undefined ? document.getElementById(id) : [...this.list.querySelectorAll<HTMLElement>(REPORT_SELECTOR)].find((button) => button.dataset.uri === uri);
    target?.focus({ preventScroll: true });
  }
}

const page = new PortfolioPage(document.getElementById('portfolio-root') ?? document.body);
window.addEventListener('message', (event: MessageEvent<unknown>) => page.handle(event.data));
page.ready();
