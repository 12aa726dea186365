import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, closeAllEditors, readText, writeWorkspaceFile } from './helpers';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function newReport(templateId: string, title: string): Thenable<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.newReport, { templateId, title });
}

suite('New Report', () => {
  teardown(closeAllEditors);

  test('creates incidents/<date>-<slug>.md from the template and opens it at the first placeholder', async () => {
    const uri = await newReport('security-incident', 'Stolen Laptop at the Airport');
    assert.ok(uri, 'the command returns the new report');
    assert.ok(uri.path.endsWith(`/incidents/${today()}-stolen-laptop-at-the-airport.md`), uri.path);
    await vscode.workspace.fs.stat(uri);

    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uri.toString());
    const text = editor.document.getText();
    assert.match(text, /^# Incident Report: Stolen Laptop at the Airport$/m);
    assert.match(text, /^## Executive Summary$/m);
    assert.ok(!editor.selection.isEmpty, 'the first placeholder is selected');
    assert.ok(!editor.document.getText(editor.selection).includes('\n'), 'the selection is one placeholder');
  });

  test('never overwrites an existing file', async () => {
    const name = `incidents/${today()}-database-outage.md`;
    const existing = await writeWorkspaceFile(name, 'Written by hand.\n');
    const first = await newReport('operational-outage', 'Database outage');
    const second = await newReport('operational-outage', 'Database outage');
    assert.ok(first && second);
    assert.ok(first.path.endsWith(`/incidents/${today()}-database-outage-2.md`), first.path);
    assert.ok(second.path.endsWith(`/incidents/${today()}-database-outage-3.md`), second.path);
    assert.strictEqual(await readText(existing), 'Written by hand.\n');
  });

  test('an unknown template id creates nothing', async () => {
    const uri = await newReport('no-such-template', 'Nothing');
    assert.strictEqual(uri, undefined);
  });
});
