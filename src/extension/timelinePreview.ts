import * as vscode from 'vscode';
import { TIMELINE_VIEW_TYPE, VIEW_MODES, webviewStateSchema, type HostMessage } from '../shared/timelineMessages';
import { registerTimelineCommands } from './commands/timeline';
import { trackActiveReport } from './reportContext';
import type { Services } from './services';
import { Throttle } from './throttle';
import { TimelinePanel, type ModeMemory } from './timelinePanel';

/** What tests see of the preview, through the extension's API. */
export interface TimelinePreviewApi {
  /** Every message for the webview: the first one, which its HTML carries, and each one posted after. */
  readonly onDidSendMessage: vscode.Event<HostMessage>;
  /** Handles a message as one from the webview: validated, and ignored when about another document. */
  receiveMessage(message: unknown): Promise<void>;
}

const SELECTION_THROTTLE_MS = 50;
const MODE_KEY = 'incidentReport.timelinePreview.mode';

/** The preview, its serializer, its commands and the context key its editor title button needs. */
export function registerTimelinePreview(context: vscode.ExtensionContext, services: Services): TimelinePreviewApi {
  const preview = new TimelinePreview(services, context.extensionUri, context.globalState);
  context.subscriptions.push(
    preview,
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, preview),
    trackActiveReport(services),
    registerTimelineCommands(services, preview),
  );
  return preview;
}

/**
 * The Timeline preview: one panel beside the editor that follows the active report, updates when the report is
 * analysed again, and highlights the event under the cursor. Restores its panel after a window reload.
 */
class TimelinePreview implements vscode.WebviewPanelSerializer, TimelinePreviewApi, vscode.Disposable {
  private current: TimelinePanel | undefined;
  private readonly sent = new vscode.EventEmitter<HostMessage>();
  readonly onDidSendMessage = this.sent.event;
  private readonly selectionThrottle = new Throttle(SELECTION_THROTTLE_MS);
  private readonly disposables: vscode.Disposable[];

  private readonly mode: ModeMemory;

  constructor(
    private readonly services: Services,
    private readonly extensionUri: vscode.Uri,
    memento: vscode.Memento,
  ) {
    this.mode = {
      get: () => (VIEW_MODES.find((mode) => mode === memento.get(MODE_KEY)) ?? 'list'),
      set: (mode) => Promise.resolve(memento.update(MODE_KEY, mode)),
    };
    this.disposables = [
      this.sent,
      this.selectionThrottle,
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
      // Published after each (debounced) analysis, and when templates or settings change.
      services.diagnostics.onDidPublish((uri) => {
        if (this.current?.shows(uri)) this.current.refresh();
        else if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.follow(vscode.window.activeTextEditor);
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (this.current?.shows(textEditor.document.uri)) this.selectionThrottle.run(() => this.current?.highlightAt(textEditor.selection.active));
      }),
    ];
  }

  /** Opens the preview of the document beside the active editor, or shows it in the open preview. */
  show(document: vscode.TextDocument): void {
    if (this.current) {
      this.current.panel.reveal(undefined, true);
      this.current.display(document);
    } else {
      const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      this.attach(panel, document);
    }
    this.highlightCursorOf(document);
  }

  /** The document the preview shows, while the preview is the active editor tab. */
  activeDocumentUri(): vscode.Uri | undefined {
    return this.current?.panel.active ? this.current.uri : undefined;
  }

  async receiveMessage(message: unknown): Promise<void> {
    await this.current?.receive(message);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = webviewStateSchema.safeParse(state);
    const document = parsed.success ? await openDocument(parsed.data.uri) : undefined;
    if (!document || this.current) {
      panel.dispose();
      return;
    }
    this.attach(panel, document);
  }

  dispose(): void {
    this.current?.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private attach(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    const current = new TimelinePanel(panel, document, this.services, this.extensionUri, this.sent, this.mode);
    this.current = current;
    panel.onDidDispose(() => {
      if (this.current === current) this.current = undefined;
      current.dispose();
    });
  }

  /**
   * Shows the active editor's document: its timeline when it is a report, else a word that it is none, rather
   * than the timeline of a report that is no longer in front of the user.
   */
  private follow(editor: vscode.TextEditor): void {
    if (!this.current || this.current.shows(editor.document.uri) || editor.document.uri.scheme === 'output') return;
    this.current.display(editor.document);
    this.current.highlightAt(editor.selection.active);
  }

  private highlightCursorOf(document: vscode.TextDocument): void {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    if (editor) this.current?.highlightAt(editor.selection.active);
  }
}

async function openDocument(uri: string): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  } catch {
    return undefined;
  }
}
