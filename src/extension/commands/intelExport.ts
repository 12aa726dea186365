import * as vscode from 'vscode';
import { reportNavigatorLayer, reportStixBundle } from '../../core/output/intelExports';
import type { Analysis } from '../../core/analysis/analyze';
import type { Services } from '../services';

export interface IntelExportArgs {
  /** The report; default: the active editor's. */
  readonly uri?: vscode.Uri;
  /** Where to write, without asking (tests, keybindings). */
  readonly target?: vscode.Uri;
}

const FORMATS = {
  stix: { title: 'STIX 2.1 bundle', extension: '.stix.json', build: (file: string, analysis: Analysis, services: Services) => reportStixBundle(file, analysis, services.clock()) },
  navigator: {
    title: 'ATT&CK Navigator layer',
    extension: '.layer.json',
    build: (file: string, analysis: Analysis) => (analysis.attack ? reportNavigatorLayer(file, analysis, analysis.attack) : undefined),
  },
} as const;

export const exportStix = (services: Services, args?: IntelExportArgs) => exportReport(services, 'stix', args);
export const exportNavigatorLayer = (services: Services, args?: IntelExportArgs) => exportReport(services, 'navigator', args);

/** Writes the report in the format beside it (the file name asked for, unless given) and offers to open it. */
async function exportReport(services: Services, format: keyof typeof FORMATS, args: IntelExportArgs = {}): Promise<vscode.Uri | undefined> {
  const { title, extension, build } = FORMATS[format];
  const document = args.uri ? await vscode.workspace.openTextDocument(args.uri) : vscode.window.activeTextEditor?.document;
  const analysis = document && services.reports.analyze(document);
  if (!document || !analysis) {
    void vscode.window.showWarningMessage('Open an incident report first.');
    return undefined;
  }
  const file = vscode.workspace.asRelativePath(document.uri, false);
  const content = build(file, analysis, services);
  if (!content) {
    void vscode.window.showErrorMessage('The MITRE ATT&CK data could not be read: see the Incident Report Studio output.');
    return undefined;
  }
  const target =
    args.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.md)?$/i, extension) }),
      filters: { JSON: ['json'] },
      saveLabel: `Export ${title}`,
      title: `Export as ${title}`,
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(content, null, 2)}\n`));
  if (!args.target) {
    void vscode.window.showInformationMessage(`Exported ${title} to ${vscode.workspace.asRelativePath(target, false)}`, 'Open').then((choice) => {
      if (choice) void vscode.window.showTextDocument(target);
    });
  }
  return target;
}
