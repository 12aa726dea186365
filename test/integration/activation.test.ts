import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, FILES, closeAllEditors, openInEditor, reportDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

// The first suite to run (files run in name order): nothing has opened a Markdown file yet.
suite('Activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension is installed and not active before a Markdown file opens', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.strictEqual(extension.isActive, false);
  });

  test('a plain Markdown file gets no report diagnostics; a report does', async () => {
    const plain = await openInEditor(workspaceUri(FILES.plainMarkdown));
    const report = await openInEditor(workspaceUri(FILES.missingSection));
    await waitForDiagnostics(report.document.uri, (diagnostics) => diagnostics.length > 0, 'report diagnostics');
    // Open documents are analysed in the order they opened, so the plain file has had its turn.
    assert.deepStrictEqual(reportDiagnostics(plain.document.uri), []);
  });

  test('every command of the manifest is registered once active', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMANDS)) {
      assert.ok(contributed.some((command) => command.command === id), `${id} is contributed`);
    }
    assert.deepStrictEqual(contributed.filter((command) => !registered.has(command.command)).map((command) => command.command), []);
  });
});
