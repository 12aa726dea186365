import * as vscode from 'vscode';
import { fixAll } from '../../core/commands/fixAll';
import { toWorkspaceEdit } from '../convert';
import type { Services } from '../services';

/** Fix All: the preferred fix of every problem in the active report, as one edit, then a short summary of what it did. */
export async function fixAllCommand(services: Services, args: { uri?: vscode.Uri } = {}): Promise<number> {
  const document = args.uri ? await vscode.workspace.openTextDocument(args.uri) : vscode.window.activeTextEditor?.document;
  if (!document || !services.reports.analyze(document)) {
    void vscode.window.showWarningMessage('Open an incident report first.');
    return 0;
  }
  const { edit, applied } = fixAll(document.getText(), services.reports.options(document.uri));
  if (!edit || !(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [edit])))) {
    vscode.window.setStatusBarMessage('Incident Report: nothing to fix automatically', 3000);
    return 0;
  }
  vscode.window.setStatusBarMessage(`Incident Report: ${fixSummary(applied)}`, 5000);
  return applied.length;
}

/** "Fixed 3 problems: Insert section "Recommendations", Add front matter, …". */
function fixSummary(applied: readonly string[]): string {
  const shown = applied.slice(0, 3).join(', ');
  const more = applied.length > 3 ? `, and ${applied.length - 3} more` : '';
  return `fixed ${applied.length} ${applied.length === 1 ? 'problem' : 'problems'}: ${shown}${more}`;
}
