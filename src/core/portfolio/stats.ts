import { isOverdue } from '../followUps/actionItems';
import type { ReportSummary, SummaryMetrics } from './summary';

/** Durations in seconds. */
export interface DurationStats {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly mean: number | null;
}

export interface PortfolioStats {
  readonly reports: number;
  readonly byKind: { readonly security: number; readonly operational: number };
  /** By severity as written; `unknown` for reports without one. */
  readonly bySeverity: Readonly<Record<string, number>>;
  /** By quarter of the incident's start (`2024-Q1`), in time order; `unknown`, last, for reports without a start date. */
  readonly byQuarter: Readonly<Record<string, number>>;
  readonly metrics: { readonly [K in keyof SummaryMetrics]: DurationStats };
  readonly openActions: number;
  readonly overdueActions: number;
}

const UNKNOWN = 'unknown';

/** Figures over many reports; `now` decides which open action items are overdue. */
export function portfolioStats(reports: readonly ReportSummary[], now: Date): PortfolioStats {
  const open = reports.flatMap((report) => report.actions.filter((item) => item.status === 'open'));
  return {
    reports: reports.length,
    byKind: { security: reports.filter((r) => r.kind === 'security').length, operational: reports.filter((r) => r.kind === 'operational').length },
    bySeverity: countBy(reports.map((r) => r.severity)),
    byQuarter: countBy(reports.map((r) => r.quarter)),
    metrics: {
      timeToDetect: durationStats(reports.map((r) => r.metrics.timeToDetect)),
      timeToContain: durationStats(reports.map((r) => r.metrics.timeToContain)),
      timeToRecover: durationStats(reports.map((r) => r.metrics.timeToRecover)),
    },
    openActions: open.length,
    overdueActions: open.filter((item) => isOverdue(item, now)).length,
  };
}

/** Counts by key, keys sorted (quarters thus in time order), `unknown` last. */
function countBy(keys: readonly (string | null)[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key ?? UNKNOWN, (counts.get(key ?? UNKNOWN) ?? 0) + 1);
  const sorted = [...counts.keys()].filter((key) => key !== UNKNOWN).sort();
  return Object.fromEntries([...sorted, ...(counts.has(UNKNOWN) ? [UNKNOWN] : [])].map((key) => [key, counts.get(key)!]));
}

/**
 * Count, median, 90th percentile and mean of the metrics that reports give. A negative metric is a contradiction
 * the report's own diagnostics name (`timeline.metrics-contradiction`), not a duration, and is left out.
 *
 * The median of an even count is the mean of the two middle values. The 90th percentile is the nearest rank: the
 * smallest value that at least 90% of the values do not exceed, the ⌈0.9·n⌉-th smallest; always one of the values.
 */
export function durationStats(values: readonly (number | null)[]): DurationStats {
  const sorted = values.filter((value): value is number => value !== null && value >= 0).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null };
  const middle = Math.floor(n / 2);
  return {
    count: n,
    median: n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    p90: sorted[Math.ceil(0.9 * n) - 1],
    mean: sorted.reduce((sum, value) => sum + value, 0) / n,
  };
}

/** The metrics' figures of the reports of each quarter (keys as in `byQuarter`: in time order, `unknown` last). */
export function metricsByQuarter(reports: readonly ReportSummary[]): Record<string, PortfolioStats['metrics']> {
  const quarters = Object.keys(countBy(reports.map((r) => r.quarter)));
  return Object.fromEntries(
    quarters.map((quarter) => {
      const inQuarter = reports.filter((r) => (r.quarter ?? UNKNOWN) === quarter);
      const figures = (key: keyof SummaryMetrics) => durationStats(inQuarter.map((r) => r.metrics[key]));
      return [quarter, { timeToDetect: figures('timeToDetect'), timeToContain: figures('timeToContain'), timeToRecover: figures('timeToRecover') }];
    }),
  );
}
