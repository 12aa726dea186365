// What a report's code actions offer: the fixes of a diagnostic the editor shows, and whether Fix All has anything to
// do. Plain data for the extension's and the language server's code action APIs.
import type { Analysis } from '../analysis/analyze';
import { DIAGNOSTIC_SOURCE, type Fix } from '../diagnostics';
import type { Range } from '../types';

export const FIX_ALL_TITLE = 'Fix all auto-fixable report problems';

/** A diagnostic as the editor hands it back with a code action request, its range turned back into offsets. */
export interface ShownDiagnostic {
  readonly source: string | undefined;
  /** The rule id. */
  readonly code: string | number | undefined;
  readonly message: string;
  readonly range: Range;
}

/**
 * The fixes of the shown diagnostic, taken from the analysis of the current text: none when the analysis has no
 * diagnostic with its rule, message and range (it is another tool's, or it was computed on an older text).
 */
export function fixesOf(analysis: Analysis, shown: ShownDiagnostic): readonly Fix[] {
  if (shown.source !== DIAGNOSTIC_SOURCE) return [];
  const found = analysis.diagnostics.find(
    ({ rule, message, range }) => rule === shown.code && message === shown.message && range.start === shown.range.start && range.end === shown.range.end,
  );
  return found?.fixes ?? [];
}

/** Whether Fix All is worth offering: some diagnostic has a preferred fix. */
export function canFixAll(analysis: Analysis): boolean {
  return analysis.diagnostics.some((found) => found.fixes?.some((fix) => fix.isPreferred));
}
