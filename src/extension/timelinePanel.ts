import * as vscode from 'vscode';
import type { Timeline } from '../core/timeline/types';
import type { Range } from '../core/types';
import { webviewMessageSchema, type HostMessage, type ViewMode } from '../shared/timelineMessages';
import { toRange } from './convert';
import type { Services } from './services';
import { fileNameOf, reportTimelineView } from '../shared/timelineView';
import { webviewHtml, webviewOptions } from './webviewPage';

/** The view the preview shows (list or time axis), remembered across panels and sessions. */
export interface ModeMemory {
  get(): ViewMode;
  set(mode: ViewMode): Promise<void>;
}

/** One Timeline preview panel and the document it shows. */
export class TimelinePanel implements vscode.Disposable {
  /** The timeline the webview shows: clicks and highlights are about its events, whatever was typed since. */
  private shown: Timeline | undefined;
  /** The event the webview highlights, so that a selection the preview itself made does not echo back. */
  private highlighted: string | null = null;
  private readonly disposables: vscode.Disposable[];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private document: vscode.TextDocument,
    private readonly services: Services,
    extensionUri: vscode.Uri,
    private readonly sent: vscode.EventEmitter<HostMessage>,
    private readonly mode: ModeMemory,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'timeline-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'timeline-dark.svg'),
    };
    this.updateTitle();
    const first = this.stateMessage();
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { name: 'timeline', title: 'Incident Timeline', initial: first });
    sent.fire(first);
    this.disposables = [panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message))];
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  shows(uri: vscode.Uri): boolean {
    return uri.toString() === this.document.uri.toString();
  }

  /** Shows another document from now on. */
  display(document: vscode.TextDocument): void {
    if (!this.shows(document.uri)) this.highlighted = null; // as the webview forgets its highlight
    this.document = document;
    this.updateTitle();
    this.refresh();
  }

  /** Sends the document's current timeline. */
  refresh(): void {
    this.services.log.guard(`Updating the timeline preview of ${this.uri.toString()}`, undefined, () => this.post(this.stateMessage()));
  }

  /** Highlights the event whose source lines hold the position, if it is not highlighted already. */
  highlightAt(position: vscode.Position): void {
    const eventId = this.shown?.events.find(({ range }) => {
      const source = toRange(this.document, range);
      // A source that ends with its line break ends on the line before.
      const lastLine = source.end.character === 0 && source.end.line > source.start.line ? source.end.line - 1 : source.end.line;
      return source.start.line <= position.line && position.line <= lastLine;
    })?.id ?? null;
    if (eventId === this.highlighted) return;
    this.highlighted = eventId;
    this.post({ type: 'highlight', uri: this.uri.toString(), eventId });
  }

  /** A message from the webview, or one a test delivers as if it were. */
  async receive(message: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(message);
    if (!parsed.success) return;
    switch (parsed.data.type) {
      case 'reveal':
        if (parsed.data.uri === this.uri.toString()) await this.reveal(parsed.data.eventId);
        return;
      case 'revealTechnique':
        if (parsed.data.uri === this.uri.toString()) await this.revealTechnique(parsed.data.techniqueId);
        return;
      case 'mode':
        return this.mode.set(parsed.data.mode);
    }
  }

  /** Stops listening to the panel; disposing the panel is its owner's. */
  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async reveal(eventId: string): Promise<void> {
    const event = this.shown?.events.find(({ id }) => id === eventId);
    if (!event) return;
    this.highlighted = event.id; // the webview highlighted it on the click
    await this.select(event.range);
  }

  private async revealTechnique(techniqueId: string): Promise<void> {
    const check = this.services.reports.analyze(this.document)?.attackChecks.find(({ reference }) => reference.id === techniqueId);
    if (check) await this.select(check.reference.range);
  }

  /**
   * Shows the range in the editor, which takes the focus so that typing goes on there: the cursor at its start
   * (an event's first line, where its date is), the rest selected.
   */
  private async select(offsets: Range): Promise<void> {
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.editorColumn(), preserveFocus: false });
    const range = toRange(this.document, offsets);
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The column of an editor showing the document, else the first: never the preview's own. */
  private editorColumn(): vscode.ViewColumn {
    return vscode.window.visibleTextEditors.find((editor) => this.shows(editor.document.uri))?.viewColumn ?? vscode.ViewColumn.One;
  }

  private stateMessage(): HostMessage {
    const uri = this.uri.toString();
    const analysis = this.services.reports.analyze(this.document);
    if (!analysis) {
      this.shown = undefined;
      return { type: 'notReport', uri, fileName: this.fileName() };
    }
    const { timeline } = analysis;
    this.shown = timeline;
    return { type: 'update', uri, view: reportTimelineView(analysis, this.uri.path), mode: this.mode.get() };
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
    this.sent.fire(message);
  }

  private updateTitle(): void {
    this.panel.title = `Timeline: ${this.fileName()}`;
  }

  private fileName(): string {
    return fileNameOf(this.uri.path);
  }
}
