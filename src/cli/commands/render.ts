import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { needsConfirmationToShare } from '../../core/security/tlp';
import { createNonce, reportPage } from '../../shared/reportPage';
import { oneOf, parseCommandArgs, singleFile } from '../args';
import type { Command } from '../context';
import { CliError } from '../errors';
import { displayPath, reason } from '../files';
import { analyzeNamedReport } from '../reportFile';

const FORMATS = ['html'] as const;

export const renderCommand: Command = {
  name: 'render',
  summary: 'render a report as one self-contained HTML page to share or print',
  help: `Usage: incident-report render [options] FILE

Renders the report as one self-contained HTML page: its TLP label as a banner, its details, the time to
detect, contain and recover, the time axis and its events, the ATT&CK techniques, and every section. The page
loads nothing and runs nothing (its Content-Security-Policy allows only its own stylesheet); raw HTML in the
report is shown as text. A browser's "Save as PDF" prints it with the TLP label on every page.

Options:
  -f, --format FORMAT   html (the only one, and the default)
  -o, --output FILE     write the page to FILE (replacing it) instead of printing it
  -y, --yes             render a report marked TLP:RED or TLP:AMBER+STRICT, whose sharing is restricted;
                        without it such a report is refused (exit 2)
  -h, --help            show this help

Exit codes: 0 rendered, 2 a usage error, a file that cannot be read or written, or a restricted report without --yes.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('render', args, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      yes: { type: 'boolean', short: 'y' },
    });
    oneOf('render', 'format', values.format, FORMATS, 'html');
    const { display, analysis } = await analyzeNamedReport(singleFile('render', positionals), context);
    const tlp = analysis.report.frontMatter?.raw.tlp;
    if (needsConfirmationToShare(tlp) && !values.yes) {
      throw new CliError(`incident-report render: ${display} is marked ${String(tlp)}: its sharing is restricted. Pass --yes to render it anyway.`);
    }
    const page = reportPage(analysis, display, createNonce());
    if (values.output === undefined) {
      context.out(page);
      return 0;
    }
    const output = resolve(context.cwd, values.output);
    try {
      await writeFile(output, page);
    } catch (error) {
      throw new CliError(`incident-report render: cannot write ${displayPath(context.cwd, output)}: ${reason(error)}`);
    }
    return 0;
  },
};
