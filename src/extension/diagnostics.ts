import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/analyze';
import type { Log } from './log';
import { SETTINGS_SECTION } from './projects';
import { positionsOf, toDiagnostic } from './convert';
import { KeyedDebouncer } from '../shared/debounce';
import type { Reports } from './reports';

/** Publishes report diagnostics: at once on open and save, debounced while typing, cleared on close. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('incident-report');
  private readonly debouncer = new KeyedDebouncer((key) =>
    this.reports.settleDelay(vscode.Uri.parse(key), vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>('validation.delay') ?? 300),
  );
  private readonly published = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidPublish = this.published.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly reports: Reports,
    private readonly log: Log,
  ) {
    this.disposables = [
      this.collection,
      this.debouncer,
      this.published,
      vscode.workspace.onDidOpenTextDocument((document) => this.publish(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.publish(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const document = event.document;
        this.debouncer.run(document.uri.toString(), () => this.publish(document));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.debouncer.cancel(document.uri.toString());
        this.reports.forget(document);
        this.collection.delete(document.uri);
        this.published.fire(document.uri);
      }),
    ];
  }

  publish(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const changed = this.log.guard(`Publishing the diagnostics of ${document.uri.toString()}`, false, () => {
      const analysis = this.reports.analyze(document);
      if (analysis) this.collection.set(document.uri, analysis.diagnostics.map((found) => toDiagnostic(document, found)));
      else if (this.collection.has(document.uri)) this.collection.delete(document.uri);
      else return false;
      return true;
    });
    if (changed) this.published.fire(document.uri);
  }

  publishAllOpen(): void {
    this.reports.invalidate();
    for (const document of vscode.workspace.textDocuments) this.publish(document);
  }

  /** For a file that is not open: publishes its diagnostics when it is a report, and returns its analysis. */
  publishText(uri: vscode.Uri, text: string): Analysis | undefined {
    const analysis = this.log.guard(`Publishing the diagnostics of ${uri.toString()}`, undefined, () => {
      const found = this.reports.analyzeText(uri, text);
      const positions = positionsOf(text);
      if (found) this.collection.set(uri, found.diagnostics.map((diagnostic) => toDiagnostic(positions, diagnostic)));
      return found;
    });
    if (analysis) this.published.fire(uri);
    return analysis;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
