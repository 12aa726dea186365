import * as vscode from 'vscode';
import { canFixAll, FIX_ALL_TITLE, fixesOf } from '../core/assist/codeActions';
import { fixAll } from '../core/commands/fixAll';
import { toWorkspaceEdit } from './convert';
import type { Log } from './log';
import type { Reports } from './reports';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('incidentReport');

/** Quick fixes for report diagnostics, and a "Fix all" source action. Fixes come from the analysis of the current version. */
export class ReportCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly reports: Reports,
    private readonly log: Log,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return this.log.guard(`Code actions for ${document.uri.toString()}`, [], () => this.codeActions(document, context));
  }

  private codeActions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.reports.analyzeIfQuick(document);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const shown of context.diagnostics) {
        const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
        const range = { start: document.offsetAt(shown.range.start), end: document.offsetAt(shown.range.end) };
        for (const fix of fixesOf(analysis, { source: shown.source, code, message: shown.message, range })) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, fix.edits);
          action.diagnostics = [shown];
          action.isPreferred = fix.isPreferred;
          actions.push(action);
        }
      }
    }
    if (wants(FIX_ALL_KIND) && canFixAll(analysis)) {
      actions.push(new FixAllAction(document));
    }
    return actions;
  }

  /** Fix All re-validates after every fix, so its edit is computed only when the action is chosen or run on save. */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllAction && !action.document.isClosed) {
      const { document } = action;
      const edit = this.log.guard(`Fix All in ${document.uri.toString()}`, null, () => fixAll(document.getText(), this.reports.options(document.uri)).edit);
      action.edit = toWorkspaceEdit(document, edit ? [edit] : []);
    }
    return action;
  }
}

class FixAllAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument) {
    super(FIX_ALL_TITLE, FIX_ALL_KIND);
  }
}
