import { markAttackSectionsNotApplicable } from '../../core/commands/markNotApplicable';
import { applyEdits } from '../../core/edits/apply';
import { DEFAULT_NOT_APPLICABLE_REASON } from '../../core/parse/notApplicable';
import { parseCommandArgs, usageError } from '../args';
import type { Command } from '../context';
import { rewriteReports } from '../rewrite';
import { lintTargets } from '../targets';
import { loadWorkspace } from '../workspace';

export const markNotApplicableCommand: Command = {
  name: 'mark-na',
  summary: 'mark the attack-specific sections of operational reports N/A, in place',
  help: `Usage: incident-report mark-na [--reason TEXT] [--dry-run] file | folder ...

Does what the editor's Mark Attack-Specific Sections N/A does, for an operational incident (an outage is not
an attack): every attack-specific section without real content says "N/A (reason)", missing ones are
inserted as N/A at their template position, and the front matter gets "kind: operational". A section with
content someone wrote is never changed. A file named is always treated as a report; a folder is searched as
lint searches it. Files are written only when they change, atomically, keeping line endings and BOM.

Options:
      --reason <text>  the reason written in "N/A (reason)" (default: "${DEFAULT_NOT_APPLICABLE_REASON}")
      --dry-run        write nothing; print a unified diff of the changes instead
  -h, --help           show this help

Exit codes: 0 no error-severity problem left, 1 one is left, 2 a usage error or a file that cannot be
            read or written.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('mark-na', args, { reason: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    if (positionals.length === 0) throw usageError('mark-na', 'name the reports (files or folders) to mark');
    const reason = values.reason?.trim() || DEFAULT_NOT_APPLICABLE_REASON;
    const workspace = await loadWorkspace(context.cwd, context.now);
    const targets = await lintTargets('mark-na', positionals, workspace, context.cwd);
    return rewriteReports('mark-na', targets, workspace, context, values['dry-run'] === true, (text) => {
      const edit = markAttackSectionsNotApplicable(text, workspace.options, reason);
      return edit ? { text: applyEdits(text, [edit]), summary: `attack-specific sections marked N/A (${reason}); kind: operational` } : null;
    });
  },
};
