import * as assert from 'assert';
import * as vscode from 'vscode';
import { FILES, closeAllEditors, openInEditor, reportDiagnostics, replaceText, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

/** Diagnostics are told apart by rule and message: ranges move as fixes insert text. */
const keyOf = (diagnostic: vscode.Diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`;
const count = (diagnostics: vscode.Diagnostic[], key: string) => diagnostics.filter((d) => keyOf(d) === key).length;
const sameKeys = (a: vscode.Diagnostic[], b: vscode.Diagnostic[]) => a.map(keyOf).sort().join('\n') === b.map(keyOf).sort().join('\n');

suite('Quick fixes', () => {
  suiteSetup(() => vscode.workspace.getConfiguration('incidentReport').update('validation.delay', 0, vscode.ConfigurationTarget.Workspace));
  suiteTeardown(() => vscode.workspace.getConfiguration('incidentReport').update('validation.delay', undefined, vscode.ConfigurationTarget.Workspace));
  teardown(closeAllEditors);

  for (const file of [FILES.brokenExample, FILES.missingSection]) {
    test(`each quick fix on ${file}, applied through the API, removes its diagnostic`, async function () {
      this.timeout(120_000);
      const uri = workspaceUri(file);
      const editor = await openInEditor(uri);
      const original = editor.document.getText();
      const diagnostics = await waitForDiagnostics(uri, (found) => found.length > 0, 'diagnostics');

      const fixes: { key: string; action: vscode.CodeAction }[] = [];
      for (const diagnostic of diagnostics) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
        );
        for (const action of actions) {
          if (action.edit && action.diagnostics?.some((d) => keyOf(d) === keyOf(diagnostic) && d.range.isEqual(diagnostic.range))) {
            fixes.push({ key: keyOf(diagnostic), action });
          }
        }
      }
      assert.ok(fixes.length > 0, 'the file offers quick fixes');

      const failures: string[] = [];
      for (const { key, action } of fixes) {
        const before = count(reportDiagnostics(uri), key);
        assert.ok(await vscode.workspace.applyEdit(action.edit!), `"${action.title}" applies`);
        await waitForDiagnostics(uri, (found) => count(found, key) < before, `"${action.title}" to fix ${key}`)
          .catch((error: Error) => failures.push(error.message));
        await replaceText(editor, original);
        await waitForDiagnostics(uri, (found) => sameKeys(found, diagnostics), 'the original diagnostics');
      }
      assert.deepStrictEqual(failures, []);
    });
  }
});
