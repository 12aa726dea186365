import { timelineToGantt, timelineToJson, timelineToMermaid } from '../../core/output/timeline';
import { oneOf, parseCommandArgs, singleFile } from '../args';
import type { Command } from '../context';
import { formatTimelineText } from '../formatters/timelineText';
import { json } from '../output';
import { analyzeNamedReport } from '../reportFile';

const FORMATS = ['text', 'json', 'mermaid', 'mermaid-gantt'] as const;

export const timelineCommand: Command = {
  name: 'timeline',
  summary: "print a report's timeline and its metrics",
  help: `Usage: incident-report timeline [options] FILE

Prints the events of the report's timeline sorted by time (undated ones last) and the time to detect,
contain and recover.

Options:
  -f, --format <name>  text (default; times in the report's time zone), json (UTC instants, 1-based lines),
                       mermaid (a fenced Mermaid timeline block, which GitHub renders) or mermaid-gantt
                       (a fenced Mermaid gantt chart: days and ranges as bars, times as milestones)
  -h, --help           show this help

Exit codes: 0 printed, 2 a usage error or a file that cannot be read.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('timeline', args, { format: { type: 'string', short: 'f' } });
    const format = oneOf('timeline', 'format', values.format, FORMATS, 'text');
    const { display, analysis } = await analyzeNamedReport(singleFile('timeline', positionals), context);
    const { timeline } = analysis;
    if (format === 'json') context.out(json(timelineToJson(timeline)));
    else if (format === 'mermaid') context.out(timelineToMermaid(timeline, analysis.report.title?.title ?? display));
    else if (format === 'mermaid-gantt') context.out(timelineToGantt(timeline, analysis.report.title?.title ?? display));
    else context.out(formatTimelineText(timeline));
    return 0;
  },
};
