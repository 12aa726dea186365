import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, changing, closeAllEditors } from './helpers';

const REASON = { reason: 'a database migration, not an attack' }; // skips the prompt

async function newOperationalReport(title: string): Promise<vscode.TextEditor> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.newReport, { templateId: 'operational-outage', title });
  const editor = vscode.window.activeTextEditor;
  assert.strictEqual(editor?.document.uri.toString(), uri.toString());
  return editor;
}

suite('N/A commands', () => {
  teardown(closeAllEditors);

  test('Mark Attack-Specific Sections N/A is one undo step', async () => {
    const editor = await newOperationalReport('N/A undo');
    const document = editor.document;
    const before = document.getText();

    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON));
    assert.notStrictEqual(document.getText(), before);
    assert.match(document.getText(), /^N\/A \(a database migration, not an attack\)$/m);

    await changing(document, () => vscode.commands.executeCommand('undo'));
    assert.strictEqual(document.getText(), before);
  });

  test('Mark Attack-Specific Sections N/A changes nothing the second time', async () => {
    const editor = await newOperationalReport('N/A twice');
    const document = editor.document;
    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON));
    const once = document.getText();
    const version = document.version;

    await vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON);
    assert.strictEqual(document.getText(), once);
    assert.strictEqual(document.version, version);
  });

  test('Mark Section N/A replaces one section\'s content', async () => {
    const editor = await newOperationalReport('One section N/A');
    const document = editor.document;
    const before = document.getText();
    const line = before.split('\n').indexOf('### Lateral Movement');
    assert.ok(line > 0);

    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markSectionNotApplicable, { ...REASON, line }));
    const after = document.getText();
    const lateralMovement = after.slice(after.indexOf('### Lateral Movement'), after.indexOf('### Data Exfiltration/Impact'));
    assert.strictEqual(lateralMovement.trim(), '### Lateral Movement\n\nN/A (a database migration, not an attack)');
    assert.strictEqual(after.slice(0, after.indexOf('### Lateral Movement')), before.slice(0, before.indexOf('### Lateral Movement')));
  });
});
