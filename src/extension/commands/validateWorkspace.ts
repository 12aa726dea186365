import * as vscode from 'vscode';
import type { Services } from '../services';
import { readWorkspaceText, reportCandidates } from '../workspaceFiles';

export interface WorkspaceSummary {
  readonly reports: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Validate All Reports in Workspace: diagnostics for every report file, with progress. */
export async function validateWorkspace(services: Services): Promise<WorkspaceSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating incident reports', cancellable: true },
    async (progress, token) => {
      const files = await reportCandidates(services.projects, token);
      const summary = { reports: 0, errors: 0, warnings: 0 };
      for (const [index, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        if (open) services.diagnostics.publish(open);
        const text = open ? undefined : await readWorkspaceText(uri);
        const analysis = open ? services.reports.analyze(open) : text !== undefined ? services.diagnostics.publishText(uri, text) : undefined;
        if (!analysis) continue;
        summary.reports++;
        summary.errors += analysis.diagnostics.filter((d) => d.severity === 'error').length;
        summary.warnings += analysis.diagnostics.filter((d) => d.severity === 'warning').length;
        if (index % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      void vscode.window.showInformationMessage(
        `Validated ${summary.reports} ${summary.reports === 1 ? 'report' : 'reports'}: ${summary.errors} errors, ${summary.warnings} warnings.`,
      );
      return summary;
    },
  );
}
