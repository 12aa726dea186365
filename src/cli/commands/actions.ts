import { actionItems, isOverdue } from '../../core/followUps/actionItems';
import type { Command } from '../context';
import { formatCsv, formatMarkdownTable, type TextTable } from '../formatters/tables';
import { json } from '../output';
import { reportsForTable } from '../tableCommand';

/** One action item as `actions` prints it. */
interface ListedAction {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly text: string;
  readonly owner: string | null;
  /** `YYYY-MM-DD`; null when there is none or it cannot be read. */
  readonly due: string | null;
  readonly status: 'open' | 'done';
  readonly priority: string | null;
  readonly overdue: boolean;
}

export const actionsCommand: Command = {
  name: 'actions',
  summary: 'list the action items of reports, with owners, due dates and status',
  help: `Usage: incident-report actions [options] [file | folder | glob ...]

Lists the action items of the reports (found as lint finds them): the task-list items (- [ ] / - [x]) and
the rows of an Action / Owner / Due / Status table in each report's actions section (Recommendations,
Action Items), with the owner, due date and priority written in them. An item is overdue when it is open
and its due date is over.

Options:
  -f, --format <name>  markdown (default; a table), json ({ "actions": [ { "file", "line", "text", "owner",
                       "due", "status", "priority", "overdue" } ] }, lines 1-based, due as YYYY-MM-DD or null)
                       or csv (RFC 4180, with a header row)
  -h, --help           show this help

Exit codes: 0 listed, 2 a usage error or a file that cannot be read (the other files are still listed).
`,
  async run(args, context) {
    const { format, reports, failures } = await reportsForTable('actions', args, context);
    const actions = reports.flatMap(({ target, analysis }) =>
      actionItems(analysis).map(
        (item): ListedAction => ({
          file: target.display,
          line: item.line + 1,
          text: item.text,
          owner: item.owner,
          due: item.due?.kind === 'date' ? item.due.date : null,
          status: item.status,
          priority: item.priority,
          overdue: isOverdue(item, context.now),
        }),
      ),
    );
    if (format === 'json') context.out(json({ actions }));
    else if (format === 'csv') context.out(formatCsv(actionTable(actions)));
    else context.out(formatMarkdownTable(actionTable(actions)));
    return failures > 0 ? 2 : 0;
  },
};

function actionTable(actions: readonly ListedAction[]): TextTable {
  return {
    header: ['file', 'line', 'status', 'overdue', 'due', 'owner', 'priority', 'text'],
    rows: actions.map((a) => [a.file, String(a.line), a.status, a.overdue ? 'overdue' : '', a.due ?? '', a.owner ?? '', a.priority ?? '', a.text]),
  };
}
