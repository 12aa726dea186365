import * as vscode from 'vscode';
import type { Services } from './services';

/** Context key for `when` clauses: the active editor shows an incident report. */
const IS_REPORT_CONTEXT_KEY = 'incidentReport.isReport';

/** Keeps the context key in step with the active editor and with edits that make a document a report or not. */
export function trackActiveReport({ reports, diagnostics }: Services): vscode.Disposable {
  let current: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    // No text editor is active while the focus is in a webview, such as the preview: the report's editor title
    // keeps its button then (menus also check the editor's own `resourceLangId`).
    if (!document) return;
    const isReport = reports.analyze(document) !== undefined;
    if (isReport === current) return;
    current = isReport;
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT_KEY, isReport);
  };
  update();
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), diagnostics.onDidPublish(update));
}
