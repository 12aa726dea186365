import { oneOf, parseCommandArgs } from './args';
import type { CliContext } from './context';
import { lintTargets, readReports, type TargetReport } from './targets';
import { loadWorkspace } from './workspace';

const TABLE_FORMATS = ['markdown', 'json', 'csv'] as const;
type TableFormat = (typeof TABLE_FORMATS)[number];

/**
 * How `actions` and `stats` start: their `--format` (markdown, the default, json or csv) and the reports their
 * arguments name, found as lint finds them; `failures` counts the files that could not be read.
 */
export async function reportsForTable(command: string, args: string[], context: CliContext): Promise<{ format: TableFormat; reports: TargetReport[]; failures: number }> {
  const { values, positionals } = parseCommandArgs(command, args, { format: { type: 'string', short: 'f' } });
  const format = oneOf(command, 'format', values.format, TABLE_FORMATS, 'markdown');
  const workspace = await loadWorkspace(context.cwd, context.now);
  return { format, ...readReports(await lintTargets(command, positionals, workspace, context.cwd), workspace, context) };
}
