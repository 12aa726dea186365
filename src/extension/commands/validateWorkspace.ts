import * as vscode from 'vscode';
import { isReportCandidate, SKIPPED_FOLDERS } from '../../core/project/config';
import type { Services } from '../services';
import { readWorkspaceText } from '../workspaceFiles';

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
      const files = await reportCandidates(services, token);
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

/** The files \`incident-report lint\` looks at, folder by folder: Markdown files and those the report globs name. */
async function reportCandidates(services: Services, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const exclude = `{${SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`).join(',')}}`;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { config } = services.projects.forUri(folder.uri);
    for (const glob of ['**/*.md', ...config.files]) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, undefined, token)) {
        if (isReportCandidate(vscode.workspace.asRelativePath(uri, false), config)) found.set(uri.toString(), uri);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}
