import { portfolioStats, type DurationStats, type PortfolioStats } from '../../core/portfolio/stats';
import { summarizeReport } from '../../core/portfolio/summary';
import { formatDuration } from '../../core/timeline/format';
import type { Command } from '../context';
import { formatCsv, formatMarkdownTable } from '../formatters/tables';
import { json } from '../output';
import { reportsForTable } from '../tableCommand';

const METRIC_NAMES = { timeToDetect: 'Time to detect', timeToContain: 'Time to contain', timeToRecover: 'Time to recover' } as const;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count reports by kind, severity and quarter, with time to detect, contain and recover',
  help: `Usage: incident-report stats [options] [file | folder | glob ...]

Figures over the reports (found as lint finds them): how many by kind, by severity and by quarter of the
incident's start date; time to detect, contain and recover (count of reports that give it, median, 90th
percentile, mean); open and overdue action items. The median of an even count is the mean of the two
middle values; the 90th percentile is the nearest rank (one of the values). A negative metric is a
contradiction the report's diagnostics name, and is left out.

Options:
  -f, --format <name>  markdown (default; durations as "2 h 15 min"), json (durations in seconds; see the
                       README) or csv (RFC 4180 rows of group,key,value; durations in seconds)
  -h, --help           show this help

Exit codes: 0 printed, 2 a usage error or a file that cannot be read (the other files are still counted).
`,
  async run(args, context) {
    const { format, reports, failures } = await reportsForTable('stats', args, context);
    const stats = portfolioStats(
      reports.map(({ analysis }) => summarizeReport(analysis)),
      context.now,
    );
    if (format === 'json') context.out(json(stats));
    else if (format === 'csv') context.out(statsCsv(stats));
    else context.out(statsMarkdown(stats));
    return failures > 0 ? 2 : 0;
  },
};

function statsCsv(stats: PortfolioStats): string {
  const rows: string[][] = [['reports', '', String(stats.reports)]];
  for (const [kind, count] of Object.entries(stats.byKind)) rows.push(['kind', kind, String(count)]);
  for (const [severity, count] of Object.entries(stats.bySeverity)) rows.push(['severity', severity, String(count)]);
  for (const [quarter, count] of Object.entries(stats.byQuarter)) rows.push(['quarter', quarter, String(count)]);
  for (const [metric, figures] of Object.entries(stats.metrics)) {
    for (const [figure, value] of Object.entries(figures)) rows.push([metric, figure, value === null ? '' : String(value)]);
  }
  rows.push(['actions', 'open', String(stats.openActions)], ['actions', 'overdue', String(stats.overdueActions)]);
  return formatCsv({ header: ['group', 'key', 'value'], rows });
}

function statsMarkdown(stats: PortfolioStats): string {
  const counts = (title: string, byKey: Readonly<Record<string, number>>) => formatMarkdownTable({ header: [title, 'reports'], rows: Object.entries(byKey).map(([key, count]) => [key, String(count)]) });
  const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds));
  const metricRow = (name: string, figures: DurationStats) => [name, String(figures.count), duration(figures.median), duration(figures.p90), duration(figures.mean)];
  return [
    `${stats.reports} ${stats.reports === 1 ? 'report' : 'reports'}: ${stats.byKind.security} security, ${stats.byKind.operational} operational. ` +
      `${stats.openActions} open action ${stats.openActions === 1 ? 'item' : 'items'}, ${stats.overdueActions} overdue.\n`,
    counts('severity', stats.bySeverity),
    counts('quarter', stats.byQuarter),
    formatMarkdownTable({
      header: ['metric', 'reports', 'median', '90th percentile', 'mean'],
      rows: (Object.keys(METRIC_NAMES) as (keyof typeof METRIC_NAMES)[]).map((key) => metricRow(METRIC_NAMES[key], stats.metrics[key])),
    }),
  ].join('\n');
}
