import { fixAll } from '../../core/commands/fixAll';
import { applyEdits } from '../../core/edits/apply';
import { parseCommandArgs } from '../args';
import type { Command } from '../context';
import { rewriteReports } from '../rewrite';
import { lintTargets } from '../targets';
import { loadWorkspace } from '../workspace';

export const fixCommand: Command = {
  name: 'fix',
  summary: 'apply every automatic fix to reports, in place',
  help: `Usage: incident-report fix [--dry-run] [file | folder | glob ...]

Applies Fix All of the editor to each report: the preferred quick fix of every problem that has one
(missing sections inserted at their template position, sections moved into template order, misspelled
headings renamed, front matter added or corrected, …). Files are found as lint finds them. A file is
written only when it changes, atomically, keeping its line endings and BOM; one line per changed file
says what was fixed.

Options:
      --dry-run   write nothing; print a unified diff of the changes instead
  -h, --help      show this help

Exit codes: 0 no error-severity problem left, 1 one is left (incident-report lint lists it),
            2 a usage error or a file that cannot be read or written.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('fix', args, { 'dry-run': { type: 'boolean' } });
    const workspace = await loadWorkspace(context.cwd, context.now);
    const targets = await lintTargets('fix', positionals, workspace, context.cwd);
    return rewriteReports('fix', targets, workspace, context, values['dry-run'] === true, (text) => {
      const { edit, applied } = fixAll(text, workspace.options);
      return edit ? { text: applyEdits(text, [edit]), summary: `fixed ${applied.length} ${applied.length === 1 ? 'problem' : 'problems'} (${applied.join('; ')})` } : null;
    });
  },
};
