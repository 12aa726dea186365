import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  FILES, closeAllEditors, hasRule, openInEditor, readText, replaceText, ruleOf, waitForDiagnostics, workspaceUri, writeWorkspaceFile, withoutSection,
} from './helpers';

suite('Diagnostics', () => {
  teardown(closeAllEditors);

  test('a missing section is reported, with a link to the rule, and goes away once the section is back', async () => {
    const complete = await readText(workspaceUri(FILES.completeReport));
    const uri = await writeWorkspaceFile('scratch/diagnostics.md', withoutSection(complete, 'Lessons Learned'));
    const editor = await openInEditor(uri);

    const diagnostics = await waitForDiagnostics(uri, hasRule('section.missing'), 'section.missing');
    assert.deepStrictEqual(diagnostics.map(ruleOf), ['section.missing']);
    const [missing] = diagnostics;
    assert.match(missing.message, /Lessons Learned/);
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Error);
    const code = missing.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.target.scheme, 'https', 'the code links to the rule documentation');

    await replaceText(editor, complete);
    await waitForDiagnostics(uri, (found) => found.length === 0, 'no diagnostics');
  });

  test('the preferred quick fix on the missing-section fixture removes the diagnostic', async () => {
    const uri = workspaceUri(FILES.missingSection);
    await openInEditor(uri);
    const [missing] = (await waitForDiagnostics(uri, hasRule('section.missing'), 'section.missing')).filter((d) => ruleOf(d) === 'section.missing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix among: ${actions.map((action) => action.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    await waitForDiagnostics(uri, (found) => !found.some((d) => d.message === missing.message), 'the fixed diagnostic to go');
  });

  test('a report of several megabytes is validated in full, and quick fixes wait for the analysis of the version typed', async function () {
    this.timeout(120_000);
    const complete = await readText(workspaceUri(FILES.completeReport));
    const log = '- 2024-01-01 10:00 UTC — a log line pasted into the report\n'.repeat(60_000);
    const big = withoutSection(complete, 'Lessons Learned').replace(/^## Response Actions\n/m, `## Response Actions\n\n${log}`);
    assert.ok(big.length > 3_000_000);
    const uri = await writeWorkspaceFile('scratch/large.md', big);
    const editor = await openInEditor(uri);
    const [missing] = (await waitForDiagnostics(uri, hasRule('section.missing'), 'section.missing', 60_000)).filter((d) => ruleOf(d) === 'section.missing');
    const fixesFor = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok((await fixesFor()).some((action) => action.title.includes('Lessons Learned')), 'fixes for the analysed version');

    // Typed, not yet analysed: no fix is offered from the analysis of the version before (its offsets are stale).
    await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\nTODO\n'));
    assert.deepStrictEqual((await fixesFor()).map((action) => action.title), []);
    await waitForDiagnostics(uri, hasRule('content.todo'), 'the typed version analysed', 60_000);
    assert.ok((await fixesFor()).some((action) => action.title.includes('Lessons Learned')), 'fixes once the typed version is analysed');
  });
});
