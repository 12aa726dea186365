import { exportDiagnostics } from '../../core/output/export';
import type { LintedFile } from '../../core/output/exportSchema';
import { nonNegativeInteger, oneOf, parseCommandArgs } from '../args';
import { paletteFor } from '../color';
import type { Command } from '../context';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import { json } from '../output';
import { lintTargets, readReports } from '../targets';
import { VERSION } from '../version';
import { loadWorkspace } from '../workspace';

const FORMATS = ['stylish', 'json', 'sarif'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check reports against their templates and rules',
  help: `Usage: incident-report lint [options] [file | folder | glob ...]

Checks incident reports with the rules, templates and .incident-report.yaml the editor extension uses.

Without arguments, checks every report under the current folder: Markdown files that match the "files"
globs of .incident-report.yaml (default **/incidents/**/*.md), or whose front matter has "kind" or
"template", or whose first heading starts with "Incident Report:". Folders and quoted globs are searched
the same way; a file named on the command line is always checked as a report. node_modules and .git are
skipped. Problems in .incident-report.yaml and in template files are listed too.

Options:
  -f, --format <name>     stylish (default; colour on a terminal unless NO_COLOR is set), json or sarif
      --max-warnings <n>  exit with 1 when there are more than n warnings
      --base <folder>     folder SARIF file URIs are relative to (default: the current folder)
  -h, --help              show this help

Exit codes: 0 no errors, 1 an error-severity problem (or too many warnings),
            2 a usage error or a file that cannot be read.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('lint', args, {
      format: { type: 'string', short: 'f' },
      'max-warnings': { type: 'string' },
      base: { type: 'string' },
    });
    const format = oneOf('lint', 'format', values.format, FORMATS, 'stylish');
    const maxWarnings = nonNegativeInteger('lint', 'max-warnings', values['max-warnings']);
    const workspace = await loadWorkspace(context.cwd, context.now);
    const { reports, failures } = readReports(await lintTargets('lint', positionals, workspace, context.cwd), workspace, context);
    const linted = reports.map(({ target, analysis }): LintedFile => ({ file: target.display, kind: analysis.kind, diagnostics: exportDiagnostics(analysis.report.lines, analysis.diagnostics) }));
    const files = [...workspace.problems, ...linted];

    if (format === 'stylish') context.out(formatStylish(files, paletteFor(context.stdoutIsTty, context.env)));
    else if (format === 'json') context.out(json({ files }));
    else context.out(json(formatSarif(files, { cwd: context.cwd, base: values.base ?? '.', version: VERSION })));

    const all = files.flatMap((file) => file.diagnostics);
    const warnings = all.filter((found) => found.severity === 'warning').length;
    if (failures > 0) return 2;
    if (all.some((found) => found.severity === 'error')) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      context.err(`incident-report lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
      return 1;
    }
    return 0;
  },
};
