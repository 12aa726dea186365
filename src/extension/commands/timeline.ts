import * as vscode from 'vscode';
import { timelineToGantt, timelineToJson, timelineToMermaid } from '../../core/output/timeline';
import type { Analysis } from '../../core/analysis/analyze';
import { COMMANDS, type Services } from '../services';
import { reportTitle } from '../../shared/timelineView';

const NOT_A_REPORT = 'Open an incident report to see its timeline.';

/** What the commands need of the preview (the preview registers them, so it is described here, not imported). */
export interface PreviewOfCommands {
  show(document: vscode.TextDocument): void;
  /** The document the preview shows, while the preview is the active editor tab. */
  activeDocumentUri(): vscode.Uri | undefined;
}

export function registerTimelineCommands(services: Services, preview: PreviewOfCommands): vscode.Disposable {
  return vscode.Disposable.from(
    // The editor title button passes the editor's resource.
    vscode.commands.registerCommand(COMMANDS.showTimelinePreview, (uri?: vscode.Uri) => showTimelinePreview(services, preview, uri)),
    vscode.commands.registerCommand(COMMANDS.copyTimelineAsMermaid, () => copyTimeline(services, preview, 'mermaid')),
    vscode.commands.registerCommand(COMMANDS.copyTimelineAsMermaidGantt, () => copyTimeline(services, preview, 'gantt')),
    vscode.commands.registerCommand(COMMANDS.copyTimelineAsJson, () => copyTimeline(services, preview, 'json')),
  );
}

async function showTimelinePreview(services: Services, preview: PreviewOfCommands, uri?: vscode.Uri): Promise<void> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !services.reports.analyze(document)) {
    void vscode.window.showInformationMessage(NOT_A_REPORT);
    return;
  }
  preview.show(document);
}

const FORMATS = {
  mermaid: { name: 'Mermaid', text: (analysis: Analysis, path: string) => timelineToMermaid(analysis.timeline, reportTitle(analysis, path)) },
  gantt: { name: 'a Mermaid gantt chart', text: (analysis: Analysis, path: string) => timelineToGantt(analysis.timeline, reportTitle(analysis, path)) },
  json: { name: 'JSON', text: (analysis: Analysis) => `${JSON.stringify(timelineToJson(analysis.timeline), null, 2)}\n` },
} as const;

/** Copies the timeline of the active report, or of the one the focused preview shows. */
async function copyTimeline(services: Services, preview: PreviewOfCommands, format: keyof typeof FORMATS): Promise<void> {
  const target = await targetReport(services, preview);
  if (!target) {
    void vscode.window.showInformationMessage(NOT_A_REPORT);
    return;
  }
  await vscode.env.clipboard.writeText(FORMATS[format].text(target.analysis, target.document.uri.path));
  vscode.window.setStatusBarMessage(`Copied the timeline as ${FORMATS[format].name}`, 3000);
}

async function targetReport(services: Services, preview: PreviewOfCommands): Promise<{ document: vscode.TextDocument; analysis: Analysis } | undefined> {
  const previewUri = preview.activeDocumentUri();
  const document = previewUri ? await vscode.workspace.openTextDocument(previewUri) : vscode.window.activeTextEditor?.document;
  const analysis = document && services.reports.analyze(document);
  return document && analysis ? { document, analysis } : undefined;
}
