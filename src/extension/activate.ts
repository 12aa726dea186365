import * as vscode from 'vscode';
import { ReportCodeActions } from './codeActions';
import { newReport, type NewReportArgs } from './commands/newReport';
import { markAttackSectionsNotApplicableCommand, markSectionNotApplicable, type NotApplicableArgs } from './commands/notApplicable';
import { fixAllCommand } from './commands/fixAll';
import { validateWorkspace } from './commands/validateWorkspace';
import { Configuration } from './configuration';
import { DiagnosticsPublisher } from './diagnostics';
import { Reports } from './reports';
import { COMMANDS, type Services } from './services';
import { ReportStatusBar } from './statusBar';
import { registerTimelinePreview, type TimelinePreviewApi } from './timelinePreview';
import { WorkspaceTemplates } from './workspaceTemplates';

/** Activation shared by the desktop (node) and web (webworker) entry points. */
export async function activateShared(context: vscode.ExtensionContext): Promise<Services & { readonly timelinePreview: TimelinePreviewApi }> {
  const configuration = new Configuration();
  const templates = new WorkspaceTemplates(configuration);
  const reports = new Reports(configuration, templates, () => new Date());
  const diagnostics = new DiagnosticsPublisher(reports);
  const statusBar = new ReportStatusBar(reports);
  const services: Services = { configuration, templates, reports, diagnostics, clock: () => new Date() };

  context.subscriptions.push(
    configuration,
    templates,
    diagnostics,
    statusBar,
    templates.onDidChange(() => diagnostics.publishAllOpen()),
    diagnostics.onDidPublish(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ReportCodeActions(reports), ReportCodeActions.metadata),
    vscode.commands.registerCommand(COMMANDS.newReport, (args?: NewReportArgs) => newReport(services, args)),
    vscode.commands.registerCommand(COMMANDS.markSectionNotApplicable, (args?: NotApplicableArgs) => markSectionNotApplicable(services, args)),
    vscode.commands.registerCommand(COMMANDS.markAttackSectionsNotApplicable, (args?: NotApplicableArgs) => markAttackSectionsNotApplicableCommand(services, args)),
    vscode.commands.registerCommand(COMMANDS.fixAll, (args?: NotApplicableArgs) => fixAllCommand(services, args)),
    vscode.commands.registerCommand(COMMANDS.validateWorkspace, () => validateWorkspace(services)),
  );

  const timelinePreview = registerTimelinePreview(context, services);

  await configuration.reload();
  await templates.reload();
  diagnostics.publishAllOpen();
  statusBar.update();
  return { ...services, timelinePreview };
}
