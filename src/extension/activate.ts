import * as vscode from 'vscode';
import { ReportCodeActions } from './codeActions';
import { AttackCompletions, suggestOnTechniqueStart } from './completion';
import { AttackHovers } from './hover';
import { newReport, type NewReportArgs } from './commands/newReport';
import { markAttackSectionsNotApplicableCommand, markSectionNotApplicable, type NotApplicableArgs } from './commands/notApplicable';
import { fixAllCommand } from './commands/fixAll';
import { defangIndicators, refangIndicators, type IndicatorArgs } from './commands/indicators';
import { exportHtml, type HtmlExportArgs } from './commands/htmlExport';
import { exportNavigatorLayer, exportStix, type IntelExportArgs } from './commands/intelExport';
import { validateWorkspace } from './commands/validateWorkspace';
import { DiagnosticsPublisher } from './diagnostics';
import { AttackCatalogLoader } from './attackCatalog';
import { Log } from './log';
import { Projects } from './projects';
import { Reports } from './reports';
import { COMMANDS, VIEWS, type Services } from './services';
import { FollowUpsView } from './followUpsView';
import { ReportsView } from './reportsView';
import { WorkspaceReports } from './workspaceReports';
import { ReportStatusBar } from './statusBar';
import { registerPortfolio, type PortfolioApi } from './portfolioPanel';
import { registerTimelinePreview, type TimelinePreviewApi } from './timelinePreview';

/** Activation shared by the desktop (node) and web (webworker) entry points. */
/** What activation returns: the services, and the views' providers, which the integration tests read. */
export interface ExtensionApi extends Services {
  readonly timelinePreview: TimelinePreviewApi;
  readonly followUps: FollowUpsView;
  readonly reportsView: ReportsView;
  readonly portfolio: PortfolioApi;
}

export async function activateShared(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const log = new Log();
  const clock = () => new Date();
  const projects = new Projects(log);
  const attack = new AttackCatalogLoader(context.extensionUri, log);
  const reports = new Reports(projects, attack, clock, log);
  const diagnostics = new DiagnosticsPublisher(reports, log);
  const statusBar = new ReportStatusBar(reports);
  const services: Services = { projects, reports, diagnostics, log, clock };

  context.subscriptions.push(
    log,
    projects,
    diagnostics,
    statusBar,
    projects.onDidChange(() => diagnostics.publishAllOpen()),
    diagnostics.onDidPublish(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ReportCodeActions(reports, log), ReportCodeActions.metadata),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new AttackHovers(reports, log)),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new AttackCompletions(reports, log), ...AttackCompletions.triggerCharacters),
    suggestOnTechniqueStart(reports),
    vscode.commands.registerCommand(COMMANDS.newReport, (args?: NewReportArgs) => newReport(services, args)),
    vscode.commands.registerCommand(COMMANDS.markSectionNotApplicable, (args?: NotApplicableArgs) => markSectionNotApplicable(services, args)),
    vscode.commands.registerCommand(COMMANDS.markAttackSectionsNotApplicable, (args?: NotApplicableArgs) => markAttackSectionsNotApplicableCommand(services, args)),
    vscode.commands.registerCommand(COMMANDS.fixAll, (args?: NotApplicableArgs) => fixAllCommand(services, args)),
    vscode.commands.registerCommand(COMMANDS.validateWorkspace, () => validateWorkspace(services)),
    vscode.commands.registerCommand(COMMANDS.defangIndicators, (args?: IndicatorArgs) => defangIndicators(services, args)),
    vscode.commands.registerCommand(COMMANDS.refangIndicators, (args?: IndicatorArgs) => refangIndicators(services, args)),
    vscode.commands.registerCommand(COMMANDS.exportStix, (args?: IntelExportArgs) => exportStix(services, args)),
    vscode.commands.registerCommand(COMMANDS.exportNavigatorLayer, (args?: IntelExportArgs) => exportNavigatorLayer(services, args)),
    vscode.commands.registerCommand(COMMANDS.exportHtml, (args?: HtmlExportArgs) => exportHtml(services, args)),
  );

  const timelinePreview = registerTimelinePreview(context, services);
  const workspaceReports = new WorkspaceReports(services);
  const followUps = new FollowUpsView(workspaceReports, clock);
  const reportsView = new ReportsView(workspaceReports, clock);
  context.subscriptions.push(
    workspaceReports,
    followUps,
    reportsView,
    vscode.window.createTreeView(VIEWS.followUps, { treeDataProvider: followUps, showCollapseAll: true }),
    vscode.window.createTreeView(VIEWS.reports, { treeDataProvider: reportsView, showCollapseAll: true }),
    vscode.commands.registerCommand(COMMANDS.followUpsGroupByOwner, () => followUps.setGroupBy('owner')),
    vscode.commands.registerCommand(COMMANDS.followUpsGroupByReport, () => followUps.setGroupBy('report')),
    vscode.commands.registerCommand(COMMANDS.reportsGroupByStatus, () => reportsView.setGroupBy('status')),
    vscode.commands.registerCommand(COMMANDS.reportsGroupByQuarter, () => reportsView.setGroupBy('quarter')),
  );
  const portfolio = registerPortfolio(context, services);

  await Promise.all([projects.reload(), attack.load()]);
  diagnostics.publishAllOpen();
  statusBar.update();
  return { ...services, timelinePreview, followUps, reportsView, portfolio };
}
