import * as vscode from 'vscode';
import { isReportCandidate, SKIPPED_FOLDERS, type ResolvedConfig } from '../core/project/config';

/** The text of a workspace file: an open editor's unsaved text when there is one, else the file on disk; undefined when unreadable. */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Each folder's configuration (the extension's `Projects`). */
interface ConfigByFolder {
  forUri(uri: vscode.Uri): { readonly config: Pick<ResolvedConfig, 'files'> };
}

/**
 * The files `incident-report lint` looks at, folder by folder: Markdown files and those the report globs name. Validate
 * All Reports and the Portfolio look at these; whether each is a report is the analysis's to say.
 */
export async function reportCandidates(projects: ConfigByFolder, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const exclude = `{${SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`).join(',')}}`;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of candidateGlobs(projects, folder)) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, undefined, token)) {
        if (isCandidate(projects, uri)) found.set(uri.toString(), uri);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** The globs of `reportCandidates` in a folder: Markdown files and the report globs. */
export function candidateGlobs(projects: ConfigByFolder, folder: vscode.WorkspaceFolder): string[] {
  return ['**/*.md', ...projects.forUri(folder.uri).config.files];
}

/** Whether a file is one of `reportCandidates`: in a workspace folder, and Markdown or named by the report globs. */
export function isCandidate(projects: ConfigByFolder, uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined && isReportCandidate(vscode.workspace.asRelativePath(uri, false), projects.forUri(uri).config);
}
