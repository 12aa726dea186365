import { analyzeReport, type AnalysisOptions } from '../analysis/analyze';
import { applyEdits, diffAsEdit } from '../edits/apply';
import type { TextEdit } from '../types';
import type { Diagnostic } from '../diagnostics';

const MAX_FIXES = 500;

export interface FixAllResult {
  /** One edit for the whole change, or null when nothing was fixable. */
  readonly edit: TextEdit | null;
  /** The titles of the fixes applied, in order. */
  readonly applied: readonly string[];
}

/**
 * Applies the preferred fix of every diagnostic that has one, analysing again after each so that fixes never
 * conflict. A fix is kept only when it leaves fewer diagnostics like its own (same rule and message: several may
 * stand at once, two missing time zones say the same); one that does not is dropped and not tried again, so a fix
 * that does not work can neither repeat nor pile up text.
 */
export function fixAll(text: string, options: AnalysisOptions): FixAllResult {
  let current = text;
  let diagnostics = analyzeReport(current, options).diagnostics;
  const applied: string[] = [];
  const failed = new Set<string>();
  while (applied.length < MAX_FIXES) {
    const next = diagnostics.map((d) => ({ key: keyOf(d), fix: d.fixes?.find((f) => f.isPreferred) })).find(({ key, fix }) => fix && !failed.has(key));
    if (!next) break;
    const candidate = applyEdits(current, next.fix!.edits);
    const after = analyzeReport(candidate, options).diagnostics;
    if (countOf(after, next.key) >= countOf(diagnostics, next.key)) {
      failed.add(next.key);
      continue;
    }
    current = candidate;
    diagnostics = after;
    applied.push(next.fix!.title);
  }
  return { edit: diffAsEdit(text, current), applied };
}

function keyOf(diagnostic: Diagnostic): string {
  return `${diagnostic.rule}\u0000${diagnostic.message}`;
}

function countOf(diagnostics: readonly Diagnostic[], key: string): number {
  return diagnostics.filter((diagnostic) => keyOf(diagnostic) === key).length;
}
