import { exportReport } from '../../core/output/export';
import { oneOf, parseCommandArgs, singleFile } from '../args';
import type { Command } from '../context';
import { json } from '../output';
import { analyzeNamedReport } from '../reportFile';

export const exportCommand: Command = {
  name: 'export',
  summary: 'print a report as structured JSON',
  help: `Usage: incident-report export [options] FILE

Prints the report as one JSON object: kind, template, front matter, fields, the state of every section
(missing ones included), the timeline with its metrics, and the problems found. schemas/report.schema.json
describes it. Lines and columns are 1-based; dates are ISO 8601 in UTC.

Options:
  -f, --format json   the only format (default)
  -h, --help          show this help

Exit codes: 0 printed (whatever problems the report has), 2 a usage error or a file that cannot be read.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('export', args, { format: { type: 'string', short: 'f' } });
    oneOf('export', 'format', values.format, ['json'], 'json');
    const { display, analysis } = await analyzeNamedReport(singleFile('export', positionals), context);
    context.out(json(exportReport(display, analysis)));
    return 0;
  },
};
