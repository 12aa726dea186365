// Core data ↔ LSP data. Offsets become line/character positions with the core's LineIndex, which ends lines at \n,
// \r\n and \r as the protocol does, and counts UTF-16 code units, the protocol's default position encoding.
import {
  DiagnosticSeverity,
  TextDocumentEdit,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl, type Diagnostic, type Severity } from '../../core/diagnostics';
import type { LineIndex } from '../../core/text/lineIndex';
import type { Range, TextEdit } from '../../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(lines: LineIndex, range: Range): LspRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffsets(lines: LineIndex, range: LspRange): Range {
  return { start: lines.offsetAt(range.start.line, range.start.character), end: lines.offsetAt(range.end.line, range.end.character) };
}

export function toLspDiagnostic(lines: LineIndex, found: Diagnostic): LspDiagnostic {
  return {
    range: toLspRange(lines, found.range),
    severity: SEVERITY[found.severity],
    code: found.rule,
    codeDescription: { href: ruleDocsUrl(found.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: found.message,
  };
}

/**
 * Edits of one document as a workspace edit: a TextDocumentEdit for the document's version, so that the editor
 * refuses it once the text has changed, or plain `changes` for a client without `documentChanges`.
 */
export function toWorkspaceEdit(document: TextDocument, lines: LineIndex, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits: LspTextEdit[] = edits.map((edit) => ({ range: toLspRange(lines, edit), newText: edit.newText }));
  return versioned
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, textEdits)] }
    : { changes: { [document.uri]: textEdits } };
}
