import * as vscode from 'vscode';
import { fixAll } from '../../core/commands/fixAll';
import { toWorkspaceEdit } from '../convert';
import type { Services } from '../services';

/** Fix All: the preferred fix of every problem in the active report, as one edit. */
export async function fixAllCommand(services: Services, args: { uri?: vscode.Uri } = {}): Promise<number> {
  const document = args.uri ? await vscode.workspace.openTextDocument(args.uri) : vscode.window.activeTextEditor?.document;
  if (!document || !services.reports.analyze(document)) {
    void vscode.window.showWarningMessage('Open an incident report first.');
    return 0;
  }
  const { edit, fixed } = fixAll(document.getText(), services.reports.options(document.uri));
  if (!edit || !(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [edit])))) return 0;
  return fixed;
}
