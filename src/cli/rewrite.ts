import type { Analysis } from '../core/analysis/analyze';
import { printable } from './color';
import type { CliContext } from './context';
import { CliError } from './errors';
import { readTextToRewrite } from './files';
import { unifiedDiff } from './formatters/diff';
import { readReport, type LintTarget } from './targets';
import type { Workspace } from './workspace';
import { writeFileAtomically } from './writeFile';

/** What a command changes in one report: the new text and a few words on what changed; null for nothing. */
export type ReportChange = (text: string, analysis: Analysis) => { readonly text: string; readonly summary: string } | null;

/**
 * Applies `change` to every target that is a report: in place (atomically, only when the text changes; line
 * endings and BOM stay, since the edits keep them), or with `dryRun` as a unified diff on stdout and nothing
 * written. Prints one line per changed file, then what is left. Exit code: 0 when no error-severity problem is
 * left, 1 when one is, 2 when a file could not be read or written.
 */
export function rewriteReports(command: string, targets: readonly LintTarget[], workspace: Workspace, context: CliContext, dryRun: boolean, change: ReportChange): number {
  let failures = 0;
  let changed = 0;
  let errorsLeft = 0;
  let reports = 0;
  for (const target of targets) {
    try {
      const found = readReport(target, workspace, readTextToRewrite);
      if (!found) continue;
      const { text, analysis } = found;
      reports++;
      const result = change(text, analysis);
      const after = result && result.text !== text ? result.text : text;
      if (after !== text) {
        changed++;
        if (dryRun) context.out(unifiedDiff(target.display, text, after));
        else {
          writeFileAtomically(target.path, after, target.display);
          context.out(`${printable(target.display)}: ${result!.summary}\n`);
        }
      }
      errorsLeft += (after === text ? analysis : workspace.analyze(after, () => true)!).diagnostics.filter((found) => found.severity === 'error').length;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      context.err(`${error.message}\n`);
      failures++;
    }
  }
  const summary = `${changed} of ${reports} ${reports === 1 ? 'report' : 'reports'} ${dryRun ? 'would change' : 'changed'}; ${errorsLeft} error-severity ${errorsLeft === 1 ? 'problem' : 'problems'} left${errorsLeft > 0 ? ` (incident-report lint lists ${errorsLeft === 1 ? 'it' : 'them'})` : ''}\n`;
  // With --dry-run, stdout is the diff alone, so that it can go straight to `git apply` or `patch`.
  if (dryRun) context.err(`incident-report ${command}: ${summary}`);
  else context.out(summary);
  if (failures > 0) return 2;
  return errorsLeft > 0 ? 1 : 0;
}
