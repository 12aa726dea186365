import * as vscode from 'vscode';
import { isOverdue } from '../core/followUps/actionItems';
import { summarizeReport, type ReportSummary } from '../core/portfolio/summary';
import { metricLines } from '../core/timeline/format';
import { reportName } from './followUpsView';
import { GroupedView } from './groupedView';
import type { WorkspaceReport, WorkspaceReports } from './workspaceReports';

export type ReportsGrouping = 'status' | 'quarter';

/** The context key the view's title buttons read (`view/title` menus in package.json). */
const GROUPING_CONTEXT = 'incidentReport.reports.groupBy';
/** Status groups in the order a report goes through them; reports without a status last. */
const STATUS_ORDER = ['draft', 'in-review', 'final'];
const NO_STATUS = 'No status';
const NO_QUARTER = 'No incident date';

interface GroupNode {
  readonly type: 'group';
  readonly label: string;
  readonly reports: readonly ReportNode[];
}

interface ReportNode {
  readonly type: 'report';
  readonly report: WorkspaceReport;
  readonly summary: ReportSummary;
}

/** A line under a report: a metric, or its action items. */
interface DetailNode {
  readonly type: 'detail';
  readonly report: WorkspaceReport;
  readonly label: string;
  readonly value: string;
  readonly icon: string;
}

export type ReportsNode = GroupNode | ReportNode | DetailNode;

/**
 * The Incident Reports view: every report of the workspace with its kind, severity, status, TLP label and metrics,
 * grouped by status or by the quarter the incident began in (newest first).
 */
export class ReportsView extends GroupedView<ReportsGrouping, ReportsNode> {
  constructor(reports: WorkspaceReports, clock: () => Date) {
    super(reports, clock, GROUPING_CONTEXT, 'status');
  }

  async getChildren(node?: ReportsNode): Promise<ReportsNode[]> {
    if (node?.type === 'group') return [...node.reports];
    if (node?.type === 'report') return this.details(node);
    if (node) return [];
    const reports = (await this.reports.all()).map((report): ReportNode => ({ type: 'report', report, summary: summarizeReport(report.analysis) }));
    const groups = new Map<string, ReportNode[]>();
    for (const report of reports) {
      const key = this.groupBy === 'status' ? (report.summary.status ?? NO_STATUS) : (report.summary.quarter ?? NO_QUARTER);
      groups.set(key, [...(groups.get(key) ?? []), report]);
    }
    const rank = (label: string) => (this.groupBy === 'status' ? (STATUS_ORDER.indexOf(label) + 1 || STATUS_ORDER.length + 1) : 0);
    // Quarters newest first (`2024-Q3` sorts as text); the group without one last.
    const order = (a: string, b: string) => rank(a) - rank(b) || Number(a === NO_QUARTER) - Number(b === NO_QUARTER) || (this.groupBy === 'quarter' ? b.localeCompare(a) : a.localeCompare(b));
    return [...groups.keys()].sort(order).map((label): GroupNode => ({ type: 'group', label, reports: groups.get(label)!.sort((a, b) => reportName(a.report).localeCompare(reportName(b.report))) }));
  }

  private details({ report, summary }: ReportNode): DetailNode[] {
    const now = this.clock();
    const open = summary.actions.filter((item) => item.status === 'open');
    const overdue = open.filter((item) => isOverdue(item, now)).length;
    return [
      ...metricLines(report.analysis.timeline).map((metric): DetailNode => ({ type: 'detail', report, label: metric.name, value: metric.value, icon: 'watch' })),
      { type: 'detail', report, label: 'Open action items', value: `${open.length}${overdue > 0 ? ` (${overdue} overdue)` : ''}`, icon: overdue > 0 ? 'warning' : 'checklist' },
    ];
  }

  getTreeItem(node: ReportsNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.reports.length}`;
      item.iconPath = new vscode.ThemeIcon(this.groupBy === 'status' ? 'tag' : 'calendar');
      item.id = `${this.groupBy}:${node.label}`;
      return item;
    }
    const open: vscode.Command = { title: 'Open', command: 'vscode.open', arguments: [node.report.uri] };
    if (node.type === 'detail') {
      const item = new vscode.TreeItem(`${node.label}: ${node.value}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.command = open;
      return item;
    }
    const { summary, report } = node;
    const item = new vscode.TreeItem(reportName(report), vscode.TreeItemCollapsibleState.Collapsed);
    const other = this.groupBy === 'status' ? summary.quarter : summary.status;
    item.description = [summary.kind, summary.severity, summary.tlp, other].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(summary.kind === 'security' ? 'shield' : 'pulse');
    item.resourceUri = report.uri;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${summary.title ?? reportName(report)}**`,
        '',
        vscode.workspace.asRelativePath(report.uri),
        `Kind: ${summary.kind} · Severity: ${summary.severity ?? '—'} · Status: ${summary.status ?? '—'} · ${summary.tlp ?? 'no TLP label'}`,
        ...metricLines(report.analysis.timeline).map((metric) => `${metric.name}: ${metric.value}`),
      ].join('  \n'),
    );
    item.id = `report:${report.uri.toString()}`;
    item.command = open;
    return item;
  }
}
