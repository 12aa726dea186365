import { analyzeReport, type AnalysisOptions } from '../analyze';
import { applyEdits, diffAsEdit } from '../edits';
import type { TextEdit } from '../types';

const MAX_FIXES = 500;

/**
 * Applies the preferred fix of every diagnostic that has one, re-validating after each so that fixes never
 * conflict. Returns one edit for the whole change, or null when nothing is fixable.
 */
export function fixAll(text: string, options: AnalysisOptions): { edit: TextEdit | null; fixed: number } {
  let current = text;
  let fixed = 0;
  const tried = new Set<string>();
  while (fixed < MAX_FIXES) {
    const next = analyzeReport(current, options)
      .diagnostics.map((d) => ({ key: `${d.rule}\u0000${d.message}`, fix: d.fixes?.find((f) => f.isPreferred) }))
      .find(({ key, fix }) => fix && !tried.has(key));
    if (!next) break;
    tried.add(next.key);
    current = applyEdits(current, next.fix!.edits);
    fixed++;
  }
  return { edit: diffAsEdit(text, current), fixed };
}
