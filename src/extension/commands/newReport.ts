import * as vscode from 'vscode';
import { firstFreeName, reportFileName } from '../../core/project/reportFiles';
import type { Template } from '../../core/template/schema';
import { renderReport } from '../../core/template/render';
import type { Services } from '../services';
import { exists } from '../workspaceFiles';

export interface NewReportArgs {
  /** Skip the template picker. */
  readonly templateId?: string;
  /** Skip the title prompt. */
  readonly title?: string;
}

/**
 * Picks a template and a title, creates `<folder>/<YYYY-MM-DD>-<slug>.md` under the first workspace folder
 * (an untitled document without one), never replacing a file, and inserts the template as a snippet.
 */
export async function newReport(services: Services, args: NewReportArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const project = services.projects.forUri(folder?.uri ?? vscode.Uri.parse('untitled:report'));
  const registry = project.templates;
  const template = args.templateId ? registry.get(args.templateId) : await pickTemplate(registry.list().map((loaded) => ({ template: loaded.template, source: loaded.source })));
  if (!template) {
    if (args.templateId) void vscode.window.showErrorMessage(`No template "${args.templateId}".`);
    return undefined;
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `New ${template.name} report`,
      prompt: 'Title of the incident, e.g. "Database outage in eu-west-1"',
      validateInput: (value) => (value.trim() ? undefined : 'Give the report a title'),
    }));
  if (!title?.trim()) return undefined;

  const snippet = new vscode.SnippetString(renderReport(template, { title, mode: 'snippet', notApplicableReason: project.config.notApplicableReason }));
  const document = folder ? await createReportFile(services, folder, title) : await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return document.uri;
}

async function pickTemplate(templates: { template: Template; source: string }[]): Promise<Template | undefined> {
  const picked = await vscode.window.showQuickPick(
    templates.map(({ template, source }) => ({
      label: template.name,
      description: source === 'builtin' ? template.id : `${template.id} · workspace`,
      detail: template.description,
      template,
    })),
    { title: 'New Incident Report', placeHolder: 'Pick a template' },
  );
  return picked?.template;
}

async function createReportFile(services: Services, folder: vscode.WorkspaceFolder, title: string): Promise<vscode.TextDocument> {
  const directory = vscode.Uri.joinPath(folder.uri, services.projects.forUri(folder.uri).config.folder);
  await vscode.workspace.fs.createDirectory(directory);
  const name = await firstFreeName(reportFileName(title, services.clock()), (candidate) => exists(vscode.Uri.joinPath(directory, candidate)));
  const uri = vscode.Uri.joinPath(directory, name);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not create ${uri.toString()}`);
  return vscode.workspace.openTextDocument(uri);
}
