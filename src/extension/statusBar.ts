import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/analyze';
import type { Reports } from './reports';

/** "Security · 2 missing · 3 warnings" for the active report; opens the Problems view when clicked. */
export class ReportStatusBar implements vscode.Disposable {
  private lastEditor: vscode.TextEditor | undefined;
  private readonly item = vscode.window.createStatusBarItem('incidentReport.status', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly reports: Reports) {
    this.item.name = 'Incident Report';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(): void {
    // With focus in a webview (the timeline preview) there is no active editor: keep showing the last report.
    const editor = (this.lastEditor = vscode.window.activeTextEditor ?? this.lastEditor);
    const document = editor?.document.isClosed ? undefined : editor?.document;
    const analysis = document && this.reports.analyze(document);
    if (!analysis) {
      this.item.hide();
      return;
    }
    this.item.text = `$(${analysis.kind === 'security' ? 'shield' : 'pulse'}) ${statusText(analysis)}`;
    this.item.tooltip = `Incident report (${analysis.kind}, template "${analysis.template.id}", kind ${analysis.kindSource === 'inferred' ? 'inferred from its N/A sections' : `from the ${analysis.kindSource}`}). Click to open the Problems view.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function statusText(analysis: Analysis): string {
  const count = (predicate: (rule: string, severity: string) => boolean) => analysis.diagnostics.filter((d) => predicate(d.rule, d.severity)).length;
  const missing = count((rule) => rule === 'section.missing');
  const errors = count((rule, severity) => rule !== 'section.missing' && severity === 'error');
  const warnings = count((rule, severity) => rule !== 'section.missing' && severity === 'warning');
  const parts = [analysis.kind === 'security' ? 'Security' : 'Operational'];
  if (missing) parts.push(`${missing} missing`);
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  if (parts.length === 1) parts.push('no problems');
  return parts.join(' · ');
}
