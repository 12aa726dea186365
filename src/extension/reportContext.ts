import * as vscode from 'vscode';
import type { Services } from './services';

/** Context key for `when` clauses: the active editor shows an incident report. */
export const IS_REPORT_CONTEXT_KEY = 'incidentReport.isReport';

/** Keeps the context key in step with the active editor and with edits that make a document a report or not. */
export function trackActiveReport({ reports, diagnostics }: Services): vscode.Disposable {
  let current: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isReport = document !== undefined && reports.analyze(document) !== undefined;
    if (isReport === current) return;
    current = isReport;
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT_KEY, isReport);
  };
  update();
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), diagnostics.onDidPublish(update));
}
