import * as vscode from 'vscode';
import { timelineToJson, timelineToMermaid } from '../../core/output/timeline';
import type { Analysis } from '../../core/analysis/analyze';
import { COMMANDS, type Services } from '../services';
import type { TimelinePreview } from '../timelinePreview';
import { reportTitle } from '../timelineView';

const NOT_A_REPORT = 'Open an incident report to see its timeline.';

export function registerTimelineCommands(services: Services, preview: TimelinePreview): vscode.Disposable {
  return vscode.Disposable.from(
    // The editor title button passes the editor's resource.
    vscode.commands.registerCommand(COMMANDS.showTimelinePreview, (uri?: vscode.Uri) => showTimelinePreview(services, preview, uri)),
    vscode.commands.registerCommand(COMMANDS.copyTimelineAsMermaid, () => copyTimeline(services, preview, 'mermaid')),
    vscode.commands.registerCommand(COMMANDS.copyTimelineAsJson, () => copyTimeline(services, preview, 'json')),
  );
}

export async function showTimelinePreview(services: Services, preview: TimelinePreview, uri?: vscode.Uri): Promise<void> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !services.reports.analyze(document)) {
    void vscode.window.showInformationMessage(NOT_A_REPORT);
    return;
  }
  preview.show(document);
}

const FORMATS = {
  mermaid: { name: 'Mermaid', text: (analysis: Analysis, path: string) => timelineToMermaid(analysis.timeline, reportTitle(analysis, path)) },
  json: { name: 'JSON', text: (analysis: Analysis) => `${JSON.stringify(timelineToJson(analysis.timeline), null, 2)}\n` },
} as const;

/** Copies the timeline of the active report, or of the one the focused preview shows. */
export async function copyTimeline(services: Services, preview: TimelinePreview, format: keyof typeof FORMATS): Promise<void> {
  const target = await targetReport(services, preview);
  if (!target) {
    void vscode.window.showInformationMessage(NOT_A_REPORT);
    return;
  }
  await vscode.env.clipboard.writeText(FORMATS[format].text(target.analysis, target.document.uri.path));
  vscode.window.setStatusBarMessage(`Copied the timeline as ${FORMATS[format].name}`, 3000);
}

async function targetReport(services: Services, preview: TimelinePreview): Promise<{ document: vscode.TextDocument; analysis: Analysis } | undefined> {
  const previewUri = preview.activeDocumentUri();
  const document = previewUri ? await vscode.workspace.openTextDocument(previewUri) : vscode.window.activeTextEditor?.document;
  const analysis = document && services.reports.analyze(document);
  return document && analysis ? { document, analysis } : undefined;
}
