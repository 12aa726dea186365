import type { Analysis } from '../analysis/analyze';
import { actionItems, type ActionItem } from '../followUps/actionItems';
import { wallClockAt } from '../parse/zones';
import { fieldWithRole } from '../template/match';
import type { Metric } from '../timeline/types';
import type { ReportKind } from '../types';

/** Seconds of each metric of the report's timeline; null when a date it needs is missing. */
export interface SummaryMetrics {
  readonly timeToDetect: number | null;
  readonly timeToContain: number | null;
  readonly timeToRecover: number | null;
}

/** What a list of reports shows of one: the Incident Reports view, `incident-report stats`. */
export interface ReportSummary {
  readonly title: string | null;
  readonly kind: ReportKind;
  /** The front matter's `severity`, else the field with the `severity` role. */
  readonly severity: string | null;
  readonly status: string | null;
  readonly tlp: string | null;
  /** `2024-Q1`: the quarter of the incident's start (the field with the `incident-start` role) in the report's zone. */
  readonly quarter: string | null;
  readonly metrics: SummaryMetrics;
  readonly actions: readonly ActionItem[];
}

export function summarizeReport(analysis: Analysis): ReportSummary {
  const frontMatter = analysis.report.frontMatter?.data ?? {};
  const severityField = fieldWithRole(analysis.match, 'severity')?.field.value;
  const { metrics, timezone } = analysis.timeline;
  const seconds = (metric: Metric | null) => metric?.seconds ?? null;
  return {
    title: analysis.report.title?.title ?? null,
    kind: analysis.kind,
    severity: frontMatter.severity ?? (severityField || null),
    status: frontMatter.status ?? null,
    tlp: frontMatter.tlp ?? null,
    // The timeline has read the start field already (with the report's zone and reference year): its instant is reused.
    quarter: metrics.start?.reason === 'incident-start' ? quarterOf(Date.parse(metrics.start.at), timezone) : null,
    metrics: { timeToDetect: seconds(metrics.timeToDetect), timeToContain: seconds(metrics.timeToContain), timeToRecover: seconds(metrics.timeToRecover) },
    actions: actionItems(analysis),
  };
}

function quarterOf(instant: number, zone: string): string {
  const { year, month } = wallClockAt(instant, zone);
  return `${year}-Q${Math.ceil(month / 3)}`;
}
