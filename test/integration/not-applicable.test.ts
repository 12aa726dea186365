import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, changing, closeAllEditors } from './helpers';

const REASON = { reason: 'a database migration, not an attack' }; // skips the prompt

/** A new report from the security template, whose attack-specific sections hold placeholders. */
async function newSecurityReport(title: string): Promise<vscode.TextEditor> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.newReport, { templateId: 'security-incident', title });
  const editor = vscode.window.activeTextEditor;
  assert.strictEqual(editor?.document.uri.toString(), uri.toString());
  return editor;
}

suite('N/A commands', () => {
  teardown(closeAllEditors);

  test('Mark Attack-Specific Sections N/A is one undo step', async () => {
    const editor = await newSecurityReport('N/A undo');
    const document = editor.document;
    const before = document.getText();

    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON));
    assert.notStrictEqual(document.getText(), before);
    assert.match(document.getText(), /^N\/A \(a database migration, not an attack\)$/m);
    assert.match(document.getText(), /^kind: operational$/m);

    await changing(document, () => vscode.commands.executeCommand('undo'));
    assert.strictEqual(document.getText(), before);
  });

  test('Mark Attack-Specific Sections N/A changes nothing the second time', async () => {
    const editor = await newSecurityReport('N/A twice');
    const document = editor.document;
    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON));
    const once = document.getText();
    const version = document.version;

    await vscode.commands.executeCommand(COMMANDS.markAttackSectionsNotApplicable, REASON);
    assert.strictEqual(document.getText(), once);
    assert.strictEqual(document.version, version);
  });

  test('Mark Section N/A marks the section at the given line and nothing else', async () => {
    const editor = await newSecurityReport('One section N/A');
    const document = editor.document;
    const before = document.getText();
    const line = before.split('\n').indexOf('### Lateral Movement');
    assert.ok(line > 0);

    await changing(document, () => vscode.commands.executeCommand(COMMANDS.markSectionNotApplicable, { ...REASON, line }));
    const after = document.getText();
    const [start, end] = [after.indexOf('### Lateral Movement'), after.indexOf('### Data Exfiltration/Impact')];
    assert.ok(after.slice(start, end).startsWith('### Lateral Movement\n\nN/A (a database migration, not an attack)\n'), after.slice(start, end));
    assert.ok(!after.slice(start, end).includes('Systems the attacker reached and how'), 'the placeholder is gone');
    assert.strictEqual(after.slice(0, start), before.slice(0, before.indexOf('### Lateral Movement')));
    assert.strictEqual(after.slice(end), before.slice(before.indexOf('### Data Exfiltration/Impact')));
  });
});
