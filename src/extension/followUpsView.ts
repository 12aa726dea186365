import * as vscode from 'vscode';
import { actionItems, isOverdue, type ActionItem } from '../core/followUps/actionItems';
import { toRange, positionsOf } from './convert';
import { GroupedView } from './groupedView';
import type { WorkspaceReport, WorkspaceReports } from './workspaceReports';

export type FollowUpsGrouping = 'owner' | 'report';

/** The context key the view's title buttons read (`view/title` menus in package.json). */
const GROUPING_CONTEXT = 'incidentReport.followUps.groupBy';
const NO_OWNER = 'No owner';

interface ActionNode {
  readonly type: 'action';
  readonly item: ActionItem;
  readonly report: WorkspaceReport;
  readonly overdue: boolean;
}

interface GroupNode {
  readonly type: 'group';
  readonly label: string;
  readonly detail: string | null;
  readonly actions: readonly ActionNode[];
}

export type FollowUpNode = GroupNode | ActionNode;

/**
 * The Follow-ups view: the open action items of every report in the workspace, grouped by owner or by report,
 * overdue ones first and marked; a click opens the report at the item.
 */
export class FollowUpsView extends GroupedView<FollowUpsGrouping, FollowUpNode> {
  constructor(reports: WorkspaceReports, clock: () => Date) {
    super(reports, clock, GROUPING_CONTEXT, 'owner');
  }

  async getChildren(node?: FollowUpNode): Promise<FollowUpNode[]> {
    if (node) return node.type === 'group' ? [...node.actions] : [];
    const now = this.clock();
    const open = (await this.reports.all()).flatMap((report) =>
      actionItems(report.analysis)
        .filter((item) => item.status === 'open')
        .map((item): ActionNode => ({ type: 'action', item, report, overdue: isOverdue(item, now) })),
    );
    return this.groupBy === 'owner' ? groupsBy(open, (a) => a.item.owner ?? NO_OWNER, () => null) : groupsBy(open, (a) => a.report.uri.toString(), (a) => reportName(a.report));
  }

  getTreeItem(node: FollowUpNode): vscode.TreeItem {
    if (node.type === 'group') {
      const label = node.detail ?? node.label;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      const overdue = node.actions.filter((a) => a.overdue).length;
      item.description = `${node.actions.length} open${overdue > 0 ? ` · ${overdue} overdue` : ''}`;
      item.iconPath = new vscode.ThemeIcon(this.groupBy === 'owner' ? 'account' : 'file');
      item.contextValue = 'followUpGroup';
      // A stable id keeps a group's expansion when the tree is redrawn.
      item.id = `${this.groupBy}:${node.label}`;
      return item;
    }
    const { item: action, report, overdue } = node;
    const treeItem = new vscode.TreeItem(action.text, vscode.TreeItemCollapsibleState.None);
    const due = action.due?.kind === 'date' ? `due ${action.due.date}` : action.due ? `due date "${action.due.text}" unreadable` : 'no due date';
    const other = this.groupBy === 'owner' ? reportName(report) : (action.owner ?? 'no owner');
    treeItem.description = [overdue ? 'OVERDUE' : null, due, action.priority, other].filter(Boolean).join(' · ');
    treeItem.iconPath = overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-large-outline');
    treeItem.tooltip = new vscode.MarkdownString(
      [`**${escapeMarkdown(action.text)}**`, '', `Owner: ${escapeMarkdown(action.owner ?? 'none')}`, `Due: ${action.due?.kind === 'date' ? action.due.date : 'none'}${overdue ? ' (overdue)' : ''}`, `Report: ${escapeMarkdown(vscode.workspace.asRelativePath(report.uri))}, line ${action.line + 1}`].join('  \n'),
    );
    treeItem.contextValue = overdue ? 'actionItem.overdue' : 'actionItem';
    treeItem.command = { title: 'Open', command: 'vscode.open', arguments: [report.uri, { selection: toRange(positionsOf(report.analysis.report.text), action.range) }] };
    return treeItem;
  }
}

/**
 * Groups with an overdue item first, then by name (`No owner` last); in each, overdue items first, then by due
 * date (none last), then as they stand in their report.
 */
function groupsBy(actions: readonly ActionNode[], key: (a: ActionNode) => string, detail: (a: ActionNode) => string | null): GroupNode[] {
  const groups = new Map<string, ActionNode[]>();
  for (const action of actions) groups.set(key(action), [...(groups.get(key(action)) ?? []), action]);
  const dueOf = (a: ActionNode) => (a.item.due?.kind === 'date' ? a.item.due.date : '\uffff');
  const nodes = [...groups.entries()].map(
    ([label, members]): GroupNode => ({
      type: 'group',
      label,
      detail: detail(members[0]),
      actions: members.sort((a, b) => Number(b.overdue) - Number(a.overdue) || dueOf(a).localeCompare(dueOf(b)) || a.item.line - b.item.line),
    }),
  );
  const hasOverdue = (group: GroupNode) => group.actions.some((a) => a.overdue);
  const name = (group: GroupNode) => group.detail ?? group.label;
  return nodes.sort((a, b) => Number(hasOverdue(b)) - Number(hasOverdue(a)) || Number(a.label === NO_OWNER) - Number(b.label === NO_OWNER) || name(a).localeCompare(name(b)));
}

/** The report's title without its template's prefix ("Incident Report: "), else its file name. */
export function reportName(report: WorkspaceReport): string {
  const title = report.analysis.report.title?.title;
  const prefix = report.analysis.template.title.split('{title}')[0];
  if (!title) return report.uri.path.split('/').pop() ?? report.uri.path;
  return prefix && title.startsWith(prefix) && title.length > prefix.length ? title.slice(prefix.length).trim() : title;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
