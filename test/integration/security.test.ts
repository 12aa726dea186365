import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, hasRule, openInEditor, readText, ruleOf, waitForDiagnostics, workspaceUri, writeWorkspaceFile } from './helpers';

const EXAMPLE = 'incidents/2024-05-14-invoice-phishing-intrusion.md';

const PROBLEMS = `---
kind: security
tlp: TLP:GREEN
---
# Incident Report: Security checks

## Attack Methodology

- **Exfiltration:** T1002
- **Lateral Movement:** T1566 Phishing

## Indicators of Compromise

- **Network indicators:** 203.0.113.7, https://evil.example.com/x

The build log held ghp_a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5123456.
`;

suite('Security intelligence', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.workspace.getConfiguration('incidentReport').update('validation.delay', 0, vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(() => vscode.workspace.getConfiguration('incidentReport').update('validation.delay', undefined, vscode.ConfigurationTarget.Workspace));
  teardown(closeAllEditors);

  test('ATT&CK, indicator and secret rules report in the editor, read from the extension\'s own ATT&CK data', async () => {
    const uri = await writeWorkspaceFile('scratch/security-problems.md', PROBLEMS);
    await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, hasRule('content.secret'), 'content.secret');
    const byRule = (rule: string) => diagnostics.filter((d) => ruleOf(d) === rule);
    assert.strictEqual(byRule('attack.revoked').length, 1);
    assert.match(byRule('attack.revoked')[0].message, /use T1560 \(Archive Collected Data\)/);
    assert.strictEqual(byRule('attack.tactic-mismatch').length, 1);
    assert.strictEqual(byRule('ioc.live').length, 2);
    assert.strictEqual(byRule('content.secret')[0].severity, vscode.DiagnosticSeverity.Error, 'TLP:GREEN makes a secret an error');
  });

  test('hover on a technique ID explains it', async () => {
    const uri = workspaceUri(EXAMPLE);
    const editor = await openInEditor(uri);
    const offset = editor.document.getText().indexOf('T1566.001') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(offset));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*T1566\.001 Spearphishing Attachment\*\*/);
    assert.match(text, /Sub-technique of T1566 Phishing · \*Initial Access\*/);
    assert.match(text, /attack\.mitre\.org\/techniques\/T1566\/001/);
  });

  test('completion after "T10" offers technique IDs, those of the line\'s tactic first', async () => {
    const uri = await writeWorkspaceFile('scratch/security-completion.md', PROBLEMS.replace('- **Exfiltration:** T1002', '- **Lateral Movement:** T10'));
    const editor = await openInEditor(uri);
    const offset = editor.document.getText().indexOf('T10\n') + 3;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, editor.document.positionAt(offset), '0');
    const ours = list.items.filter((item) => typeof item.label === 'object' && /^T10\d\d/.test(item.label.label));
    assert.ok(ours.length > 5, `technique items: ${ours.length}`);
    const first = [...ours].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))[0];
    assert.strictEqual(first.detail, 'Lateral Movement');
  });

  test('Defang Indicators and Refang Indicators rewrite the document, each as one undo step', async () => {
    const uri = await writeWorkspaceFile('scratch/security-defang.md', PROBLEMS);
    const editor = await openInEditor(uri);
    const original = editor.document.getText();
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.defangIndicators'), 2);
    const defanged = editor.document.getText();
    assert.ok(defanged.includes('203[.]0[.]113[.]7, hxxps://evil[.]example[.]com/x'), defanged);
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.defangIndicators'), 0, 'nothing left to defang');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo step restores the text');
    await vscode.commands.executeCommand('redo');
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.refangIndicators'), 2);
    assert.strictEqual(editor.document.getText(), original);
  });

  test('Defang Indicators rewrites only what the selection touches', async () => {
    const uri = await writeWorkspaceFile('scratch/security-defang-selection.md', PROBLEMS);
    const editor = await openInEditor(uri);
    const start = editor.document.getText().indexOf('https://');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 10));
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.defangIndicators'), 1);
    assert.ok(editor.document.getText().includes('203.0.113.7, hxxps://evil[.]example[.]com/x'));
  });

  test('Export as STIX 2.1 Bundle and as ATT&CK Navigator Layer write the files', async () => {
    const uri = workspaceUri(EXAMPLE);
    await openInEditor(uri);
    const stixTarget = workspaceUri('scratch/example.stix.json');
    await vscode.commands.executeCommand('incidentReport.exportStix', { target: stixTarget });
    const bundle = JSON.parse(await readText(stixTarget)) as { type: string; objects: { type: string }[] };
    assert.strictEqual(bundle.type, 'bundle');
    assert.strictEqual(bundle.objects.filter((object) => object.type === 'attack-pattern').length, 7);
    const layerTarget = workspaceUri('scratch/example.layer.json');
    await vscode.commands.executeCommand('incidentReport.exportNavigatorLayer', { target: layerTarget });
    const layer = JSON.parse(await readText(layerTarget)) as { domain: string; techniques: { techniqueID: string }[] };
    assert.strictEqual(layer.domain, 'enterprise-attack');
    assert.strictEqual(layer.techniques[0].techniqueID, 'T1566.001');
  });
});
