import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, readText, workspaceUri, writeWorkspaceFile } from './helpers';

const EXAMPLE = 'incidents/2024-05-14-invoice-phishing-intrusion.md';

const RED_REPORT = `---
kind: security
tlp: TLP:RED
---
# Incident Report: Red team findings <script>alert(1)</script>

## Executive Summary

Only for the named recipients.
`;

type WarningMessage = (message: string, ...rest: unknown[]) => Thenable<string | undefined>;

suite('Export Report as HTML', () => {
  suiteSetup(() => vscode.extensions.getExtension(EXTENSION_ID)?.activate());
  teardown(closeAllEditors);

  test('writes the page to the given place: the report, its TLP banner, its policy', async () => {
    const target = workspaceUri('scratch/example.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('incidentReport.exportHtml', { uri: workspaceUri(EXAMPLE), target });
    assert.strictEqual(written?.toString(), target.toString());
    const html = await readText(target);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-[0-9a-f]{32}&#39;/);
    assert.match(html, /<span class="tlp-label">TLP:AMBER<\/span>/);
    assert.match(html, /<h1>Incident Report: Invoice Phishing Leads to Finance File Server Intrusion<\/h1>/);
    assert.match(html, /<svg class="axis-track"/);
    assert.doesNotMatch(html, /<script/);
  });

  test('a TLP:RED report is exported only once the modal warning is answered with Export', async () => {
    const uri = await writeWorkspaceFile('scratch/red-team.md', RED_REPORT);
    const target = workspaceUri('scratch/red-team.html');
    const window = vscode.window as unknown as { showWarningMessage: WarningMessage };
    const original = window.showWarningMessage;
    const asked: { message: string; options: unknown }[] = [];
    let answer: string | undefined;
    window.showWarningMessage = async (message, options) => {
      asked.push({ message, options });
      return answer;
    };
    try {
      answer = undefined;
      assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportHtml', { uri, target }), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'nothing written when the warning is dismissed');
      answer = 'Export';
      await vscode.commands.executeCommand('incidentReport.exportHtml', { uri, target });
    } finally {
      window.showWarningMessage = original;
    }
    assert.deepStrictEqual(asked.map(({ message }) => message), ['This report is marked TLP:RED: its sharing is restricted.', 'This report is marked TLP:RED: its sharing is restricted.']);
    assert.strictEqual((asked[0].options as { modal?: boolean }).modal, true);
    const html = await readText(target);
    assert.match(html, /<span class="tlp-label">TLP:RED<\/span>/);
    assert.match(html, /Red team findings &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
