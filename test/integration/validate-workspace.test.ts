import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, FILES, readText, reportDiagnostics, ruleOf, workspaceUri, writeWorkspaceFile, withoutSection } from './helpers';

suite('Validate All Reports in Workspace', () => {
  test('reports the problems of reports that are not open', async () => {
    const complete = await readText(workspaceUri(FILES.completeReport));
    const uri = await writeWorkspaceFile('scratch/never-opened.md', withoutSection(complete, 'Response Actions'));

    const summary = await vscode.commands.executeCommand<{ reports: number; errors: number }>(COMMANDS.validateWorkspace);
    assert.ok(summary.reports >= 4, `${summary.reports} reports`);
    assert.ok(summary.errors >= 1, `${summary.errors} errors`);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'the file stayed closed');
    assert.deepStrictEqual(reportDiagnostics(uri).map(ruleOf), ['section.missing']);
  });
});
