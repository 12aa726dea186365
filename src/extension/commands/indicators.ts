import * as vscode from 'vscode';
import { defang, refang } from '../../core/security/indicators';
import type { Range, TextEdit } from '../../core/types';
import type { Services } from '../services';

export interface IndicatorArgs {
  /** The document; default: the active editor's. */
  readonly uri?: vscode.Uri;
}

/** Defang Indicators: every live URL, domain, IP and e-mail address in the selections (or the whole document). */
export function defangIndicators(services: Services, args: IndicatorArgs = {}): Promise<number> {
  return rewriteIndicators(args, 'live indicators', (text, selection, uri) => defang(text, selection, services.projects.forUri(uri).config.defang));
}

/** Refang Indicators: every defanged indicator in the selections (or the whole document) written live again. */
export function refangIndicators(_services: Services, args: IndicatorArgs = {}): Promise<number> {
  return rewriteIndicators(args, 'defanged indicators', (text, selection) => refang(text, selection));
}

/** Applies the edits for each selection (the whole text when nothing is selected) as one undo step; returns how many. */
async function rewriteIndicators(args: IndicatorArgs, what: string, edits: (text: string, selection: Range | undefined, uri: vscode.Uri) => TextEdit[]): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  const document = args.uri ? await vscode.workspace.openTextDocument(args.uri) : editor?.document;
  if (!document) {
    void vscode.window.showWarningMessage('Open a report first.');
    return 0;
  }
  const text = document.getText();
  const selections = editor?.document === document ? editor.selections.filter((selection) => !selection.isEmpty) : [];
  const ranges = selections.length > 0 ? selections.map((selection) => ({ start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) })) : [undefined];
  // An indicator that two selections touch is rewritten once.
  const unique = new Map<number, TextEdit>();
  for (const range of ranges) for (const edit of edits(text, range, document.uri)) unique.set(edit.start, edit);
  const where = selections.length > 0 ? 'in the selection' : 'in the document';
  if (unique.size === 0) {
    vscode.window.setStatusBarMessage(`No ${what} ${where}`, 3000);
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const { start, end, newText } of unique.values()) edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
  if (!(await vscode.workspace.applyEdit(edit))) return 0;
  vscode.window.setStatusBarMessage(`Rewrote ${unique.size} ${unique.size === 1 ? 'indicator' : 'indicators'} ${where}`, 3000);
  return unique.size;
}
