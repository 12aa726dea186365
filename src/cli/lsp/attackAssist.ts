// ATT&CK IDs explained on hover and completed as they are typed, from the core's assist functions, as in the extension.
import { CompletionItemKind, MarkupKind, type CompletionList, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { attackCompletionsAt } from '../../core/assist/attackCompletion';
import { attackHoverAt } from '../../core/assist/attackHover';
import type { ReportAnalyses } from './analyses';
import { toLspRange } from './convert';

/** Typing the "." of a sub-technique ("T1566.") opens the list; editors open it on word characters ("T15") anyway. */
export const COMPLETION_TRIGGERS = ['.'];

/** Name, tactics, summary, link and ATT&CK release of the ID under the cursor. */
export async function attackHover(analyses: ReportAnalyses, document: TextDocument, position: Position): Promise<Hover | null> {
  const analysis = await analyses.analyze(document);
  if (!analysis) return null;
  const lines = analysis.report.lines;
  const hover = attackHoverAt(analysis, lines.offsetAt(position.line, position.character));
  // The Markdown escapes every text from the data: the link is its only active part.
  return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toLspRange(lines, hover.range) };
}

/** Techniques by ID after "T1…", or by name in a methodology section, the line's tactic first. */
export async function attackCompletion(analyses: ReportAnalyses, document: TextDocument, position: Position): Promise<CompletionList | null> {
  const analysis = await analyses.analyze(document);
  if (!analysis) return null;
  const lines = analysis.report.lines;
  const completions = attackCompletionsAt(analysis, lines.offsetAt(position.line, position.character));
  if (!completions) return null;
  const range = toLspRange(lines, completions.replace);
  const items = completions.items.map((technique) => ({
    label: technique.id,
    labelDetails: { description: technique.name },
    kind: CompletionItemKind.Reference,
    detail: technique.tactics,
    documentation: technique.summary,
    textEdit: { range, newText: technique.insertText },
    filterText: technique.filterText,
    sortText: technique.sortText,
  }));
  return { isIncomplete: false, items };
}
