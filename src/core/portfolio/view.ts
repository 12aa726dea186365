// What the Portfolio webview shows: the statistics over the workspace's reports, the metrics of each quarter, and a
// line per report. The extension builds it from the reports' summaries (./portfolioView.ts); the webview only lays
// it out, and imports only these types.
import type { ReportKind } from '../types';
import type { PortfolioStats } from './stats';
import type { SummaryMetrics } from './summary';

/** One report of the portfolio, as its list shows it. */
export interface PortfolioReport {
  /** Where the report is: what the list sends back when the report is chosen. */
  readonly uri: string;
  /** Workspace-relative, for the reader. */
  readonly path: string;
  readonly title: string | null;
  readonly kind: ReportKind;
  readonly severity: string | null;
  readonly status: string | null;
  readonly quarter: string | null;
  readonly metrics: SummaryMetrics;
  readonly openActions: number;
  readonly overdueActions: number;
}

export interface PortfolioView {
  readonly stats: PortfolioStats;
  /** The metrics' figures of the reports of each quarter, in time order (`unknown` last). */
  readonly byQuarter: Readonly<Record<string, PortfolioStats['metrics']>>;
  /** The latest quarter first; reports without a quarter last; then by path. */
  readonly reports: readonly PortfolioReport[];
}
