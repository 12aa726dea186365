import * as vscode from 'vscode';
import { markAttackSectionsNotApplicable, markSectionNotApplicableAt } from '../../core/commands/markNotApplicable';
import { findSection, sectionAt, sectionRef } from '../../core/parse/report';
import type { TextEdit } from '../../core/types';
import { toWorkspaceEdit } from '../convert';
import type { Services } from '../services';

export interface NotApplicableArgs {
  readonly uri?: vscode.Uri;
  /** Skip the prompt for a reason. */
  readonly reason?: string;
  /** For Mark Section N/A: the line of the section (0-based) instead of the cursor's. */
  readonly line?: number;
}

/** Mark Section N/A: the section at the cursor, with a reason. */
export async function markSectionNotApplicable(services: Services, args: NotApplicableArgs = {}): Promise<boolean> {
  const target = await targetReport(services, args);
  if (!target) return false;
  const { document, editor } = target;
  const line = args.line ?? editor?.selection.active.line ?? 0;
  const offset = document.offsetAt(new vscode.Position(line, 0));
  const section = sectionAt(target.analysis.report, offset);
  if (!section) {
    void vscode.window.showInformationMessage('Put the cursor in a section of the report to mark it N/A.');
    return false;
  }
  const ref = sectionRef(target.analysis.report, section);
  const version = document.version;
  const reason = args.reason ?? (await askReason(services, document.uri, `Why is "${section.heading.title}" not applicable?`));
  if (reason === undefined) return false;
  // The report may have been edited while the prompt was open: find the section again in what it says now.
  const edited = version === document.version ? null : services.reports.analyze(document);
  const current = version === document.version ? section : edited ? findSection(edited.report, ref) : null;
  if (!current || document.isClosed) {
    void vscode.window.showWarningMessage(`"${ref.title}" is no longer in the report: nothing was marked.`);
    return false;
  }
  const result = markSectionNotApplicableAt(document.getText(), current.heading.range.start, services.reports.options(document.uri), reason);
  return applyOne(document, result?.edit ?? null);
}

/** Mark Attack-Specific Sections N/A: the whole report becomes an operational incident, in one undoable edit. */
export async function markAttackSectionsNotApplicableCommand(services: Services, args: NotApplicableArgs = {}): Promise<boolean> {
  const target = await targetReport(services, args);
  if (!target) return false;
  const { document } = target;
  const reason = args.reason ?? (await askReason(services, document.uri, 'Why are the attack-specific sections not applicable?'));
  if (reason === undefined) return false;
  const edit = markAttackSectionsNotApplicable(document.getText(), services.reports.options(document.uri), reason);
  if (!edit) {
    void vscode.window.showInformationMessage('Nothing to change: the attack-specific sections are N/A or have content, and the kind is operational.');
    return false;
  }
  return applyOne(document, edit);
}

async function targetReport(services: Services, args: NotApplicableArgs) {
  const editor = args.uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri!.toString()) : vscode.window.activeTextEditor;
  const document = editor?.document ?? (args.uri ? await vscode.workspace.openTextDocument(args.uri) : undefined);
  const analysis = document && services.reports.analyze(document);
  if (!document || !analysis) {
    void vscode.window.showWarningMessage('Open an incident report first.');
    return undefined;
  }
  return { document, editor, analysis };
}

function askReason(services: Services, uri: vscode.Uri, prompt: string): Thenable<string | undefined> {
  const value = services.projects.forUri(uri).config.notApplicableReason;
  return vscode.window.showInputBox({ title: 'Mark N/A', prompt, value, valueSelection: [0, value.length] });
}

async function applyOne(document: vscode.TextDocument, edit: TextEdit | null): Promise<boolean> {
  if (!edit) return false;
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, [edit]));
}
