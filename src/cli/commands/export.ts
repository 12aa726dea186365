import { exportReport } from '../../core/output/export';
import { reportNavigatorLayer, reportStixBundle } from '../../core/output/intelExports';
import { oneOf, parseCommandArgs, singleFile } from '../args';
import type { Command } from '../context';
import { json } from '../output';
import { analyzeNamedReport } from '../reportFile';

const FORMATS = ['json', 'stix', 'attack-navigator'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'print a report as structured JSON, a STIX 2.1 bundle or an ATT&CK Navigator layer',
  help: `Usage: incident-report export [options] FILE

Prints the report as one JSON object.

Formats:
  json               (default) kind, template, front matter, fields, the state of every section (missing ones
                     included), the timeline with its metrics, the ATT&CK IDs and indicators it cites, and the
                     problems found; schemas/report.schema.json describes it. Lines and columns are 1-based; dates
                     are ISO 8601 in UTC.
  stix               a STIX 2.1 bundle: a report, the affected organisation's identity, an indicator per network
                     and file indicator, an attack-pattern per technique, a vulnerability per CVE, all marked with
                     the report's TLP 2.0 label. Ids derive from the front matter's id (else the file's path), so
                     exporting again gives the same bundle.
  attack-navigator   an ATT&CK Navigator layer (Enterprise) of the techniques, each with the lines citing it.

Options:
  -f, --format FORMAT   json, stix or attack-navigator
  -h, --help            show this help

Exit codes: 0 printed (whatever problems the report has), 2 a usage error or a file that cannot be read.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('export', args, { format: { type: 'string', short: 'f' } });
    const format = oneOf('export', 'format', values.format, FORMATS, 'json');
    const { display, analysis } = await analyzeNamedReport(singleFile('export', positionals), context);
    if (format === 'stix') context.out(json(reportStixBundle(display, analysis, context.now)));
    else if (format === 'attack-navigator') context.out(json(reportNavigatorLayer(display, analysis, analysis.attack!)));
    else context.out(json(exportReport(display, analysis)));
    return 0;
  },
};
