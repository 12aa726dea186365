import * as vscode from 'vscode';
import { attackCompletionsAt } from '../core/assist/attackCompletion';
import { toRange } from './convert';
import type { Log } from './log';
import type { Reports } from './reports';

/**
 * ATT&CK techniques completed by ID after "T1…" and by name in a methodology section (Ctrl+Space), the line's
 * tactic first. Typing the "." of a sub-technique opens the list (a trigger character).
 */
export class AttackCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['.'];

  constructor(
    private readonly reports: Reports,
    private readonly log: Log,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    const analysis = await this.reports.analyzeWithAttack(document);
    return this.log.guard(`Completion in ${document.uri.toString()}`, undefined, () => {
      const completions = analysis && attackCompletionsAt(analysis, document.offsetAt(position));
      if (!completions) return undefined;
      const range = toRange(document, completions.replace);
      const items = completions.items.map((technique) => {
        const item = new vscode.CompletionItem({ label: technique.id, description: technique.name }, vscode.CompletionItemKind.Reference);
        item.detail = technique.tactics;
        item.documentation = new vscode.MarkdownString().appendText(technique.summary);
        item.insertText = technique.insertText;
        item.filterText = technique.filterText;
        item.sortText = technique.sortText;
        item.range = range;
        return item;
      });
      return new vscode.CompletionList(items, false);
    });
  }
}

// "T1" just typed at the start of a word: every technique ID starts so.
const TECHNIQUE_START = /(?:^|[^\w.-])T1$/;

/**
 * Opens the completion list when "T1" is typed in a report. A trigger character cannot do it: the editor leaves a
 * character that continues a word ("T1") to quick suggestions, which are off for Markdown.
 */
export function suggestOnTechniqueStart(reports: Reports): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    const change = event.contentChanges[0];
    if (!editor || editor.document !== event.document || event.contentChanges.length !== 1 || change.text !== '1') return;
    const end = change.range.start.translate(0, 1);
    const before = event.document.lineAt(end.line).text.slice(0, end.character);
    if (TECHNIQUE_START.test(before) && reports.analyze(event.document)) void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
