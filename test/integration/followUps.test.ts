import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FollowUpsView } from '../../src/extension/followUpsView';
import { changing, closeAllEditors, openInEditor, writeWorkspaceFile } from './helpers';
import { extensionApi, labelOf, rows, waitForRows } from './treeViews';

const SCRATCH = (items: string) => `---
kind: operational
status: draft
---
# Incident Report: Follow-ups view test

## Recommendations

${items}
`;

suite('Follow-ups view', () => {
  let view: FollowUpsView;

  suiteSetup(async () => {
    view = (await extensionApi()).followUps;
  });

  teardown(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('incidentReport.followUps.groupByOwner');
  });

  const actionRows = async () => (await rows(view)).filter((row) => row.node.type === 'action');

  test('groups the open action items of the workspace by owner, overdue first and marked; done items are left out', async () => {
    const all = await rows(view);
    const platform = all.findIndex((row) => row.depth === 0 && labelOf(row.item) === '@platform');
    assert.ok(platform >= 0, 'a group for @platform (items in two examples)');
    const [first, second] = all.slice(platform + 1, platform + 3);
    assert.strictEqual(labelOf(first.item), 'Build a staging cluster that mirrors production');
    assert.match(String(first.item.description), /^OVERDUE · due 2026-09-30 · P1 · Proton Worldwide Outage/);
    assert.strictEqual((first.item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(second.item.description), /^due 2030-06-30 · P2 · Nation-State Access/);
    assert.strictEqual((second.item.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    assert.match(String(all[platform].item.description), /^2 open · 1 overdue$/);
    assert.ok(all.findIndex((row) => row.depth === 0 && labelOf(row.item) === '@endpoint') > platform, 'groups with an overdue item first');
    const labels = (await actionRows()).map((row) => labelOf(row.item));
    assert.ok(!labels.includes('Block macros in files from the internet'), 'a done table row is not listed');
    assert.ok(!labels.includes('Roll back the Kubernetes migration'), 'a done task is not listed');
    const noOwner = all.find((row) => row.depth === 0 && labelOf(row.item) === 'No owner');
    assert.ok(noOwner, 'items without an owner are grouped under No owner');
  });

  test('groups by report from its command, and a click opens the report at the item', async () => {
    await vscode.commands.executeCommand('incidentReport.followUps.groupByReport');
    assert.strictEqual(view.groupBy, 'report');
    const all = await rows(view);
    const report = all.findIndex((row) => row.depth === 0 && labelOf(row.item) === 'Proton Worldwide Outage Caused by Internal System Migration');
    assert.ok(report >= 0, 'a group per report, named by its title');
    const item = all[report + 1];
    assert.strictEqual(labelOf(item.item), 'Build a staging cluster that mirrors production');
    assert.match(String(item.item.description), /· @platform$/, 'the owner stands where the report did');

    const command = item.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('incidents/proton-kubernetes-migration-outage.md'), editor.document.uri.path);
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text, '- [ ] Build a staging cluster that mirrors production (owner: @platform, due: 2026-09-30, priority: P1)');
    assert.strictEqual(editor.selection.start.character, '- [ ] '.length);
  });

  test('follows a report file created and changed on disk', async () => {
    const uri = await writeWorkspaceFile('scratch/follow-ups.md', SCRATCH('- [ ] Page on disk growth @disk-team due 2099-01-01\n- [ ] Expire old snapshots @disk-team due 2020-01-01'));
    const group = await waitForRows(view, (found) => {
      const at = found.findIndex((row) => row.depth === 0 && labelOf(row.item) === '@disk-team');
      return at === -1 ? undefined : found.slice(at + 1, at + 3).map((row) => `${labelOf(row.item)} — ${row.item.description}`);
    }, 'the new report\'s items');
    assert.deepStrictEqual(group, ['Expire old snapshots @disk-team due 2020-01-01 — OVERDUE · due 2020-01-01 · Follow-ups view test', 'Page on disk growth @disk-team due 2099-01-01 — due 2099-01-01 · Follow-ups view test']);

    await writeWorkspaceFile('scratch/follow-ups.md', SCRATCH('- [x] Page on disk growth @disk-team due 2099-01-01\n- [ ] Expire old snapshots @disk-team due 2020-01-01'));
    await waitForRows(view, (found) => (found.some((row) => labelOf(row.item).startsWith('Page on disk growth')) ? undefined : true), 'the item done on disk to leave');

    // Typing in an open editor counts before the file is saved.
    const editor = await openInEditor(uri);
    await changing(editor.document, () => editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), '- [ ] Typed but not saved (owner: @typist, due: 2099-02-01)\n')));
    await waitForRows(view, (found) => (found.some((row) => row.depth === 0 && labelOf(row.item) === '@typist') ? true : undefined), 'the typed item');
  });
});
