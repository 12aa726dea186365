import * as vscode from 'vscode';
import { fixAll } from '../core/commands/fixAll';
import type { Diagnostic } from '../core/diagnostics';
import { DIAGNOSTIC_SOURCE, toRange, toWorkspaceEdit } from './convert';
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
    const analysis = this.reports.analyze(document);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const shown of context.diagnostics) {
        if (shown.source !== DIAGNOSTIC_SOURCE) continue;
        const found = analysis.diagnostics.find((candidate) => sameDiagnostic(document, candidate, shown));
        for (const fix of found?.fixes ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, fix.edits);
          action.diagnostics = [shown];
          action.isPreferred = fix.isPreferred;
          actions.push(action);
        }
      }
    }
    if (wants(FIX_ALL_KIND) && analysis.diagnostics.some((found) => found.fixes?.some((fix) => fix.isPreferred))) {
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
    super('Fix all auto-fixable report problems', FIX_ALL_KIND);
  }
}

function sameDiagnostic(document: vscode.TextDocument, found: Diagnostic, shown: vscode.Diagnostic): boolean {
  const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
  return code === found.rule && shown.message === found.message && toRange(document, found.range).isEqual(shown.range);
}
