import * as assert from 'assert';
import * as vscode from 'vscode';
import { FILES, closeAllEditors, hasRule, openInEditor, readText, ruleOf, waitForDiagnostics, withEmptySection, workspaceUri, writeWorkspaceFile } from './helpers';

const setRules = (rules: Record<string, string> | undefined) =>
  vscode.workspace.getConfiguration('incidentReport').update('rules', rules, vscode.ConfigurationTarget.Workspace);

const severityOf = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.find((d) => ruleOf(d) === rule)?.severity;

suite('Rule settings', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    const complete = await readText(workspaceUri(FILES.completeReport));
    uri = await writeWorkspaceFile('scratch/settings.md', withEmptySection(complete, 'Lessons Learned'));
  });

  setup(async () => {
    await openInEditor(uri);
    await waitForDiagnostics(uri, (found) => severityOf('section.empty')(found) === vscode.DiagnosticSeverity.Warning, 'section.empty as a warning');
  });

  teardown(async () => {
    await setRules(undefined);
    await closeAllEditors();
  });

  test('"error" raises the severity of a rule', async () => {
    await setRules({ 'section.empty': 'error' });
    await waitForDiagnostics(uri, (found) => severityOf('section.empty')(found) === vscode.DiagnosticSeverity.Error, 'section.empty as an error');
  });

  test('"off" turns a rule off', async () => {
    await setRules({ 'section.empty': 'off' });
    const found = await waitForDiagnostics(uri, (diagnostics) => !hasRule('section.empty')(diagnostics), 'section.empty to go');
    assert.deepStrictEqual(found.map(ruleOf), []);
  });
});
