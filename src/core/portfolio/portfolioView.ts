import { isOverdue } from '../followUps/actionItems';
import { metricsByQuarter, portfolioStats } from './stats';
import type { ReportSummary } from './summary';
import type { PortfolioReport, PortfolioView } from './view';

export interface PortfolioEntry {
  readonly uri: string;
  readonly path: string;
  readonly summary: ReportSummary;
}

/** The view of the reports; `now` decides which open action items are overdue. */
export function portfolioView(entries: readonly PortfolioEntry[], now: Date): PortfolioView {
  const summaries = entries.map(({ summary }) => summary);
  const reports = entries.map(({ uri, path, summary }): PortfolioReport => {
    const open = summary.actions.filter((item) => item.status === 'open');
    return {
      uri,
      path,
      title: summary.title,
      kind: summary.kind,
      severity: summary.severity,
      status: summary.status,
      quarter: summary.quarter,
      metrics: summary.metrics,
      openActions: open.length,
      overdueActions: open.filter((item) => isOverdue(item, now)).length,
    };
  });
  return { stats: portfolioStats(summaries, now), byQuarter: metricsByQuarter(summaries), reports: reports.sort(latestFirst) };
}

function latestFirst(a: PortfolioReport, b: PortfolioReport): number {
  if (a.quarter !== b.quarter) {
    if (a.quarter === null) return 1;
    if (b.quarter === null) return -1;
    return a.quarter < b.quarter ? 1 : -1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
