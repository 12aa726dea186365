import * as vscode from 'vscode';

export const EXTENSION_ID = 'incident-report-studio.incident-report-studio';
const DIAGNOSTIC_SOURCE = 'incident-report';

export const COMMANDS = {
  newReport: 'incidentReport.newReport',
  markSectionNotApplicable: 'incidentReport.markSectionNotApplicable',
  markAttackSectionsNotApplicable: 'incidentReport.markAttackSectionsNotApplicable',
  validateWorkspace: 'incidentReport.validateWorkspace',
  showTimelinePreview: 'incidentReport.showTimelinePreview',
  showPortfolio: 'incidentReport.showPortfolio',
} as const;

/** Files of the fixture workspace: examples/ plus test/integration/fixtures/ (see scripts/fixture-workspace.cjs). */
export const FILES = {
  plainMarkdown: 'notes/plain.md',
  completeReport: 'reports/complete-security.md',
  missingSection: 'reports/missing-section.md',
  /** The example with deliberate problems. */
  brokenExample: 'incidents/needs-work.md',
} as const;

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Resolves with `check()`'s first defined result, checking now and after every `event`; rejects after `timeoutMs`
 * with `describe()` of the state at that time.
 */
export function waitUntil<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  describe: () => string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined) return resolve(first);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    const listener = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** Resolves with the next `event` that `accept` takes. Subscribe before causing the event. */
function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** Runs `change` and waits until `document`'s text changes (the extension host learns of edits asynchronously). */
export async function changing<T>(document: vscode.TextDocument, change: () => Thenable<T>): Promise<T> {
  const changed = nextEvent(
    vscode.workspace.onDidChangeTextDocument,
    (event) => event.document === document && event.contentChanges.length > 0,
    `a change of ${document.uri.path}`,
  );
  const result = await change();
  await changed;
  return result;
}

/** The diagnostics this extension reports for `uri`. */
export function reportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** The rule id of a diagnostic: its `code`, or `code.value`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** Waits until this extension's diagnostics for `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitUntil(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = reportDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    () => `${what} on ${uri.path}; rules now: [${reportDiagnostics(uri).map(ruleOf).join(', ')}]`,
    timeoutMs,
  );
}

export function hasRule(rule: string): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule);
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need a folder open as the workspace');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Replaces the whole text of the editor's document as one edit. */
export async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const applied = await editor.edit((builder) => builder.replace(whole, text));
  if (!applied) throw new Error(`Could not edit ${document.uri.path}`);
}

export async function closeAllEditors(): Promise<void> {
  // Revert first: closing a changed editor would ask whether to save it.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Offsets of a `## title` section: from its heading to the next `## ` heading or the end of the text. */
function sectionBounds(text: string, title: string): { start: number; bodyStart: number; end: number } {
  const heading = new RegExp(`^## ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*$`, 'm').exec(text);
  if (!heading) throw new Error(`No "## ${title}" section`);
  const bodyStart = heading.index + heading[0].length;
  const next = text.slice(bodyStart).search(/^## /m);
  return { start: heading.index, bodyStart, end: next < 0 ? text.length : bodyStart + next };
}

export function withoutSection(text: string, title: string): string {
  const { start, end } = sectionBounds(text, title);
  return text.slice(0, start) + text.slice(end);
}

/** The text with the section's heading kept and its content removed. */
export function withEmptySection(text: string, title: string): string {
  const { bodyStart, end } = sectionBounds(text, title);
  return `${text.slice(0, bodyStart)}\n\n${text.slice(end)}`;
}
