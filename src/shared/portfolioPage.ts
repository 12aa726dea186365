// The Portfolio's page as markup, in its words (kept out of the core, whose code never names what a template's
// sections and fields are called): the headline figures, the charts and the list of reports. The webview turns it into
// DOM; report text is only ever text or an attribute value.
import { columnChart, severityClass, severityOrder, type ChartSeries } from '../core/portfolio/charts';
import type { DurationStats, PortfolioStats } from '../core/portfolio/stats';
import type { PortfolioReport, PortfolioView } from '../core/portfolio/view';
import { markup, type Markup } from '../core/text/markup';
import { formatDuration } from '../core/timeline/format';

const METRICS = [
  ['timeToDetect', 'Time to detect', 'detected'],
  ['timeToContain', 'Time to contain', 'contained'],
  ['timeToRecover', 'Time to recover', 'recovered'],
] as const;

const KIND_NAMES = { security: 'Security', operational: 'Operational' } as const;

/** Reports, open and overdue action items, and the median and 90th percentile of each metric. */
export function headlineFigures(stats: PortfolioStats): Markup {
  const figure = (name: string, value: string, detail: string, className = 'figure') =>
    markup('div', { class: className }, [markup('dt', {}, [name]), markup('dd', { class: 'figure-value' }, [value]), markup('dd', { class: 'figure-detail' }, [detail])]);
  return markup('dl', { class: 'figures' }, [
    figure('Reports', String(stats.reports), `${stats.byKind.security} security, ${stats.byKind.operational} operational`),
    figure('Open action items', String(stats.openActions), `across ${plural(stats.reports, 'report')}`),
    figure('Overdue action items', String(stats.overdueActions), 'open, past their due date', stats.overdueActions > 0 ? 'figure overdue' : 'figure'),
    ...METRICS.map(([key, name]) => {
      const figures = stats.metrics[key];
      return figure(`${name} (median)`, duration(figures.median), metricDetail(figures));
    }),
  ]);
}

/** "90th percentile 2 h 0 min, over 5 reports": what the median stands on. */
function metricDetail(figures: DurationStats): string {
  if (figures.count === 0) return 'no report gives it yet';
  return `90th percentile ${duration(figures.p90)}, over ${plural(figures.count, 'report')}`;
}

/** The reports as buttons that open them (the webview posts the `data-uri` of the one chosen). */
export function reportList(reports: readonly PortfolioReport[]): Markup {
  if (reports.length === 0) return markup('p', { class: 'empty' }, ['No reports in the workspace yet.']);
  return markup(
    'ul',
    { class: 'report-list' },
    reports.map((report) =>
      markup('li', {}, [
        markup('button', { type: 'button', class: 'report', 'data-uri': report.uri }, [
          markup('span', { class: 'report-title' }, [report.title ?? report.path]),
          markup('span', { class: 'report-facts' }, [reportFacts(report)]),
          markup('span', { class: 'report-path' }, [report.path]),
        ]),
      ]),
    ),
  );
}

/** "Operational · SEV2 · final · 2024-Q1 · 1 open action item, 1 overdue · detected in 15 min, …". */
function reportFacts(report: PortfolioReport): string {
  const actions = report.openActions === 0 ? 'no open action items' : `${plural(report.openActions, 'open action item')}${report.overdueActions > 0 ? `, ${report.overdueActions} overdue` : ''}`;
  const metrics = METRICS.flatMap(([key, , verb]) => {
    const seconds = report.metrics[key];
    return seconds === null || seconds < 0 ? [] : [`${verb} in ${formatDuration(seconds)}`];
  });
  return [KIND_NAMES[report.kind], report.severity ?? 'no severity', report.status, report.quarter ?? 'no start date', actions, metrics.join(', ')]
    .filter((fact): fact is string => Boolean(fact))
    .join(' · ');
}

function duration(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(seconds);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The four charts of the Portfolio: reports by kind, by severity, by quarter; the median metrics by quarter. */
export function portfolioCharts(view: PortfolioView): Markup[] {
  const { stats } = view;
  const count = (value: number) => String(value);
  const reports: ChartSeries[] = [{ name: 'Reports', className: 'series-reports' }];
  const quarters = Object.keys(view.byQuarter);
  return [
    columnChart({
      id: 'chart-kind',
      title: 'Reports by kind',
      category: 'Kind',
      series: reports,
      groups: [
        { label: 'Security', values: [stats.byKind.security], className: 'kind-security' },
        { label: 'Operational', values: [stats.byKind.operational], className: 'kind-operational' },
      ],
      format: count,
      empty: 'No reports yet.',
    }),
    columnChart({
      id: 'chart-severity',
      title: 'Reports by severity',
      category: 'Severity',
      series: reports,
      groups: severityOrder(Object.keys(stats.bySeverity)).map((severity) => ({ label: severity, values: [stats.bySeverity[severity]], className: severityClass(severity) })),
      format: count,
      empty: 'No reports yet.',
    }),
    columnChart({
      id: 'chart-quarter',
      title: 'Reports by quarter of the incident',
      category: 'Quarter',
      series: reports,
      groups: Object.entries(stats.byQuarter).map(([quarter, value]) => ({ label: quarter, values: [value] })),
      format: count,
      empty: 'No reports yet.',
    }),
    columnChart({
      id: 'chart-metrics',
      title: 'Median time to detect, contain and recover by quarter',
      category: 'Quarter',
      series: [
        { name: 'Time to detect', className: 'series-detect' },
        { name: 'Time to contain', className: 'series-contain' },
        { name: 'Time to recover', className: 'series-recover' },
      ],
      groups: quarters.map((quarter) => {
        const { timeToDetect, timeToContain, timeToRecover } = view.byQuarter[quarter];
        return { label: quarter, values: [timeToDetect.median, timeToContain.median, timeToRecover.median] };
      }),
      format: formatDuration,
      empty: 'No report gives a time to detect, contain or recover yet.',
    }),
  ];
}
