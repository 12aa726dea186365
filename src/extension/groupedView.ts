import * as vscode from 'vscode';
import type { WorkspaceReports } from './workspaceReports';

/**
 * What the Follow-ups and Incident Reports views share: the workspace's reports, a grouping the user switches (kept
 * in a context key, so that the view's title shows the button for the other one), and a refresh when reports change.
 */
export abstract class GroupedView<Grouping extends string, Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    protected readonly reports: WorkspaceReports,
    protected readonly clock: () => Date,
    private readonly groupingContext: string,
    private grouping: Grouping,
  ) {
    this.subscription = reports.onDidChange(() => this.changed.fire());
    void vscode.commands.executeCommand('setContext', groupingContext, grouping);
  }

  get groupBy(): Grouping {
    return this.grouping;
  }

  async setGroupBy(grouping: Grouping): Promise<void> {
    this.grouping = grouping;
    await vscode.commands.executeCommand('setContext', this.groupingContext, grouping);
    this.changed.fire();
  }

  abstract getChildren(node?: Node): Promise<Node[]>;
  abstract getTreeItem(node: Node): vscode.TreeItem;

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
