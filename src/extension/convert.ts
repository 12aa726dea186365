import * as vscode from 'vscode';
import type { Range, TextEdit } from '../core/types';
import { LineIndex } from '../core/text/lineIndex';
import { type Diagnostic, DIAGNOSTIC_SOURCE, ruleDocsUrl, type Severity } from '../core/diagnostics';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What converting offsets needs: a TextDocument, or `positionsOf(text)` for a file that is not open. */
export interface Positions {
  positionAt(offset: number): vscode.Position;
}

export function positionsOf(text: string): Positions {
  const lines = new LineIndex(text);
  return {
    positionAt(offset) {
      const { line, character } = lines.positionAt(offset);
      return new vscode.Position(line, character);
    },
  };
}

export function toRange(document: Positions, range: Range): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

function toTextEdit(document: Positions, edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(document, edit), edit.newText);
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(document.uri, edits.map((edit) => toTextEdit(document, edit)));
  return workspaceEdit;
}

export function toDiagnostic(document: Positions, found: Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(document, found.range), found.message, SEVERITY[found.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = { value: found.rule, target: vscode.Uri.parse(ruleDocsUrl(found.rule)) };
  return result;
}
