import * as assert from 'assert';
import * as vscode from 'vscode';
import { FILES, closeAllEditors, openInEditor, reportDiagnostics, replaceText, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

/** Diagnostics are told apart by rule and message: ranges move as fixes insert text. */
const keyOf = (diagnostic: vscode.Diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`;
const count = (diagnostics: vscode.Diagnostic[], key: string) => diagnostics.filter((d) => keyOf(d) === key).length;
const sameKeys = (a: vscode.Diagnostic[], b: vscode.Diagnostic[]) => a.map(keyOf).sort().join('\n') === b.map(keyOf).sort().join('\n');

interface Fix {
  readonly action: vscode.CodeAction;
  /** The diagnostics the provider was asked about: those touching the range (the API does not say which one an action fixes). */
  readonly keys: string[];
}

/**
 * The workbench cancels a code action request when the text model changes while it runs (a revert of an editor
 * closed by the previous test can land late), so a cancelled request is asked again.
 */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, attempts = 3): Promise<vscode.CodeAction[]> {
  try {
    return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  } catch (error) {
    if (attempts <= 1 || (error as Error).message !== 'Canceled') throw error;
    return codeActionsAt(uri, range, attempts - 1);
  }
}

async function quickFixes(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): Promise<Fix[]> {
  const fixes = new Map<string, Fix>();
  for (const diagnostic of diagnostics) {
    const actions = await codeActionsAt(uri, diagnostic.range);
    const keys = diagnostics.filter((other) => other.range.intersection(diagnostic.range)).map(keyOf);
    for (const action of actions.filter((candidate) => candidate.edit)) {
      fixes.set(`${action.title} @ ${keys.join(' | ')}`, { action, keys });
    }
  }
  return [...fixes.values()];
}

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
      const fixes = await quickFixes(uri, diagnostics);
      assert.ok(fixes.length > 0, 'the file offers quick fixes');

      const failures: string[] = [];
      for (const { action, keys } of fixes) {
        const before = reportDiagnostics(uri);
        assert.ok(await vscode.workspace.applyEdit(action.edit!), `"${action.title}" applies`);
        await waitForDiagnostics(uri, (found) => keys.some((key) => count(found, key) < count(before, key)), `"${action.title}" to fix one of [${keys.join('; ')}]`)
          .catch((error: Error) => failures.push(error.message));
        await replaceText(editor, original);
        await waitForDiagnostics(uri, (found) => sameKeys(found, diagnostics), 'the original diagnostics');
      }
      assert.deepStrictEqual(failures, []);
    });
  }

  test('the source.fixAll action, resolved and applied, fixes every problem that has a preferred fix, in one undo step', async function () {
    this.timeout(60_000);
    const uri = workspaceUri(FILES.brokenExample);
    const editor = await openInEditor(uri);
    const original = editor.document.getText();
    const before = await waitForDiagnostics(uri, (found) => found.some((d) => ruleOf(d) === 'section.misspelled'), 'the misspelled heading');
    const [action] = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.incidentReport', 1,
    );
    assert.equal(action?.title, 'Fix all auto-fixable report problems');
    assert.ok(action.edit, 'resolving the action computes its edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const after = await waitForDiagnostics(uri, (found) => !found.some((d) => ruleOf(d) === 'section.misspelled'), 'the fixes');
    for (const rule of ['section.misspelled', 'section.order', 'section.missing']) {
      assert.ok(before.some((d) => ruleOf(d) === rule) && !after.some((d) => ruleOf(d) === rule), rule);
    }
    assert.ok(after.some((d) => ruleOf(d) === 'content.todo'), 'a TODO is left for a person');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });
});
