import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/analyze';
import { summarizeReport } from '../core/portfolio/summary';
import { portfolioView, type PortfolioEntry } from '../core/portfolio/portfolioView';
import type { PortfolioView } from '../core/portfolio/view';
import { PORTFOLIO_VIEW_TYPE, webviewMessageSchema, type HostMessage } from '../shared/portfolioMessages';
import { COMMANDS, type Services } from './services';
import { Throttle } from './throttle';
import { webviewHtml, webviewOptions } from './webviewPage';
import { isCandidate, readWorkspaceText, reportCandidates } from './workspaceFiles';

/** What tests see of the Portfolio, through the extension's API. */
export interface PortfolioApi {
  /** Every message posted to the webview. */
  readonly onDidSendMessage: vscode.Event<HostMessage>;
  /** Handles a message as one from the webview: validated, and ignored when invalid. */
  receiveMessage(message: unknown): Promise<void>;
}

/** Typing in a report republishes its diagnostics at every pause: the portfolio is computed again at most this often. */
const REFRESH_INTERVAL_MS = 1000;

/** The Portfolio panel, its command and its serializer (which restores the panel after a window reload). */
export function registerPortfolio(context: vscode.ExtensionContext, services: Services): PortfolioApi {
  const portfolio = new Portfolio(services, context.extensionUri);
  context.subscriptions.push(
    portfolio,
    vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, portfolio),
    vscode.commands.registerCommand(COMMANDS.showPortfolio, () => portfolio.show()),
  );
  return portfolio;
}

/**
 * One panel with the statistics of every report of the workspace (the files Validate All Reports looks at). While it
 * is open, it follows the reports: a file created, changed or deleted, or a report's diagnostics republished as it is
 * typed in, is read again; templates, settings or workspace folders changing read every file again.
 */
class Portfolio implements vscode.WebviewPanelSerializer, PortfolioApi, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private listeners: vscode.Disposable[] = [];
  private readonly sent = new vscode.EventEmitter<HostMessage>();
  readonly onDidSendMessage = this.sent.event;
  /** The reports by URI, so that a change reads only the files it touched. */
  private entries = new Map<string, PortfolioEntry>();
  /** Files to read again; every candidate file when `rescan` is set. */
  private readonly stale = new Set<string>();
  private rescan = true;
  private readonly throttle = new Throttle(REFRESH_INTERVAL_MS);
  /** Refreshes run one after another. */
  private work: Promise<void> = Promise.resolve();
  private view: PortfolioView | undefined;

  constructor(
    private readonly services: Services,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Opens the panel (or shows it) and resolves once it has the workspace's current figures. */
  show(): Promise<void> {
    if (this.panel) this.panel.reveal();
    else this.attach(vscode.window.createWebviewPanel(PORTFOLIO_VIEW_TYPE, 'Incident Portfolio', vscode.ViewColumn.Active));
    return this.refresh();
  }

  async receiveMessage(message: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(message);
    if (!parsed.success) return;
    switch (parsed.data.type) {
      case 'ready':
        if (this.view) this.post(this.view);
        return;
      case 'openReport':
        return this.open(parsed.data.uri);
    }
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return Promise.resolve();
    }
    this.attach(panel);
    return this.refresh();
  }

  dispose(): void {
    this.panel?.dispose();
    this.throttle.dispose();
    this.sent.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { name: 'portfolio', title: 'Incident Portfolio' });
    this.rescan = true;
    // Watched only while the panel is open; the analyses of open reports come with their diagnostics.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const readAll = () => this.markStale(undefined);
    this.listeners = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receiveMessage(message)),
      panel.onDidDispose(() => this.detach()),
      watcher,
      watcher.onDidCreate((uri) => this.markStale(uri)),
      watcher.onDidChange((uri) => this.markStale(uri)),
      watcher.onDidDelete((uri) => this.markStale(uri)),
      this.services.diagnostics.onDidPublish((uri) => this.markStale(uri)),
      this.services.projects.onDidChange(readAll),
      vscode.workspace.onDidChangeWorkspaceFolders(readAll),
    ];
  }

  private detach(): void {
    vscode.Disposable.from(...this.listeners).dispose();
    this.listeners = [];
    this.panel = undefined;
    this.entries = new Map();
    this.stale.clear();
    this.view = undefined;
  }

  /** A file to read again (every file when undefined), at the next refresh. */
  private markStale(uri: vscode.Uri | undefined): void {
    if (uri === undefined) this.rescan = true;
    else if (isCandidate(this.services.projects, uri)) this.stale.add(uri.toString());
    else return;
    this.throttle.run(() => void this.refresh());
  }

  private refresh(): Promise<void> {
    this.work = this.work.then(() => this.update()).catch((error: unknown) => this.services.log.error('Updating the incident portfolio failed', error));
    return this.work;
  }

  private async update(): Promise<void> {
    if (!this.panel) return;
    if (this.rescan) {
      this.rescan = false;
      this.stale.clear();
      const entries = new Map<string, PortfolioEntry>();
      for (const uri of await reportCandidates(this.services.projects)) await this.read(uri, entries);
      this.entries = entries;
    } else {
      const stale = [...this.stale];
      this.stale.clear();
      for (const uri of stale) await this.read(vscode.Uri.parse(uri, true), this.entries);
    }
    if (!this.panel) return; // closed meanwhile
    this.view = portfolioView([...this.entries.values()], this.services.clock());
    this.post(this.view);
  }

  /** Reads the file (an open editor's text when it has one) into the entries when it is a report, else out of them. */
  private async read(uri: vscode.Uri, entries: Map<string, PortfolioEntry>): Promise<void> {
    const key = uri.toString();
    const analysis = await this.analyze(uri);
    if (analysis) entries.set(key, { uri: key, path: vscode.workspace.asRelativePath(uri), summary: summarizeReport(analysis) });
    else entries.delete(key);
  }

  private async analyze(uri: vscode.Uri): Promise<Analysis | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === uri.toString());
    // An open report's analysis is the one its diagnostics were published from (cached by version).
    if (open) return this.services.reports.analyze(open);
    const text = await readWorkspaceText(uri);
    return text === undefined ? undefined : this.services.reports.analyzeText(uri, text);
  }

  /** Opens a report the portfolio lists, beside the panel; any other URI is ignored. */
  private async open(uri: string): Promise<void> {
    if (!this.view?.reports.some((report) => report.uri === uri)) return;
    await vscode.window.showTextDocument(vscode.Uri.parse(uri, true), { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private post(view: PortfolioView): void {
    const message: HostMessage = { type: 'update', view };
    void this.panel?.webview.postMessage(message);
    this.sent.fire(message);
  }
}
