import type { LintedFile } from '../../core/output/exportSchema';
import { nonNegativeInteger, oneOf, parseCommandArgs, usageError } from '../args';
import { paletteFor } from '../color';
import type { Command } from '../context';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import { json } from '../output';
import { autoThreads, lintInThreads } from '../lintThreads';
import { lintTargets } from '../targets';
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
      --concurrency <n>   threads that lint files: auto (default: one per 100 files, up to one
                          fewer than the cores) or a number (1: no worker thread)
  -h, --help              show this help

Exit codes: 0 no errors, 1 an error-severity problem (or too many warnings),
            2 a usage error or a file that cannot be read.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('lint', args, {
      format: { type: 'string', short: 'f' },
      'max-warnings': { type: 'string' },
      base: { type: 'string' },
      concurrency: { type: 'string' },
    });
    const format = oneOf('lint', 'format', values.format, FORMATS, 'stylish');
    const maxWarnings = nonNegativeInteger('lint', 'max-warnings', values['max-warnings']);
    const concurrency = concurrencyOption(values.concurrency);
    const workspace = await loadWorkspace(context.cwd, context.now);
    const targets = await lintTargets('lint', positionals, workspace, context.cwd);
    const outcomes = await lintInThreads(targets, workspace, context.now, concurrency ?? autoThreads(targets.length));
    // In the targets' order, as one thread linting them in turn would report them.
    const files: LintedFile[] = [...workspace.problems];
    let failures = 0;
    for (const outcome of outcomes) {
      if ('crashed' in outcome) throw new Error(outcome.crashed);
      if ('unreadable' in outcome) {
        context.err(`${outcome.unreadable}\n`);
        failures++;
      } else if ('linted' in outcome) files.push(outcome.linted);
    }

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

/** The number of threads `--concurrency` asks for; undefined for auto. */
function concurrencyOption(value: string | undefined): number | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw usageError('lint', `--concurrency takes auto or a number of threads from 1, not "${value}"`);
  return Number(value);
}
