import * as vscode from 'vscode';
import { needsConfirmationToShare } from '../../core/security/tlp';
import { createNonce, reportPage } from '../../shared/reportPage';
import type { Services } from '../services';

export interface HtmlExportArgs {
  /** The report; default: the active editor's. */
  readonly uri?: vscode.Uri;
  /** Where to write, without asking for a place (tests, keybindings); a restricted report is still confirmed. */
  readonly target?: vscode.Uri;
}

/**
 * Export Report as HTML: the report as one self-contained page (see src/core/output/htmlReport.ts), written where the
 * user chooses; a report marked TLP:RED or TLP:AMBER+STRICT is exported only after a modal confirmation.
 */
export async function exportHtml(services: Services, args: HtmlExportArgs = {}): Promise<vscode.Uri | undefined> {
  const document = args.uri ? await vscode.workspace.openTextDocument(args.uri) : vscode.window.activeTextEditor?.document;
  const analysis = document && services.reports.analyze(document);
  if (!document || !analysis) {
    void vscode.window.showWarningMessage('Open an incident report first.');
    return undefined;
  }
  const tlp = analysis.report.frontMatter?.raw.tlp;
  if (needsConfirmationToShare(tlp)) {
    const choice = await vscode.window.showWarningMessage(
      `This report is marked ${String(tlp)}: its sharing is restricted.`,
      { modal: true, detail: 'The HTML page holds the whole report. Export it only for recipients its label allows.' },
      'Export',
    );
    if (choice !== 'Export') return undefined;
  }
  const target =
    args.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.md)?$/i, '.html') }),
      filters: { HTML: ['html'] },
      saveLabel: 'Export',
      title: 'Export Report as HTML',
    }));
  if (!target) return undefined;
  const page = reportPage(analysis, vscode.workspace.asRelativePath(document.uri, false), createNonce());
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page));
  if (!args.target) void vscode.window.showInformationMessage(`Exported the report to ${vscode.workspace.asRelativePath(target, false)}`);
  return target;
}
