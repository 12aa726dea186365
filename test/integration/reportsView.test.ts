import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReportsView } from '../../src/extension/reportsView';
import { closeAllEditors, writeWorkspaceFile } from './helpers';
import { extensionApi, labelOf, rows, waitForRows } from './treeViews';

suite('Incident Reports view', () => {
  let view: ReportsView;

  suiteSetup(async () => {
    view = (await extensionApi()).reportsView;
  });

  teardown(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('incidentReport.reports.groupByStatus');
  });

  test('lists every report by status (draft, in review, final) with kind, severity, TLP label and quarter, and its metrics beneath', async () => {
    const all = await rows(view);
    const groups = all.filter((row) => row.depth === 0).map((row) => labelOf(row.item));
    assert.deepStrictEqual(
      groups.filter((label) => ['draft', 'in-review', 'final'].includes(label)),
      ['draft', 'in-review', 'final'],
    );
    assert.strictEqual(groups.at(-1), 'No status', 'needs-work.md has no valid status');
    const cloudflare = all.findIndex((row) => labelOf(row.item) === 'Nation-State Access to the Self-Hosted Atlassian Server');
    assert.ok(cloudflare >= 0);
    const inReview = all.findIndex((row) => row.depth === 0 && labelOf(row.item) === 'in-review');
    assert.ok(inReview < cloudflare && all.slice(inReview + 1, cloudflare).every((row) => row.depth > 0), 'under in-review');
    assert.strictEqual(all[cloudflare].item.description, 'security · high · TLP:AMBER · 2023-Q4');
    const details = all.slice(cloudflare + 1, cloudflare + 5).map((row) => labelOf(row.item));
    assert.deepStrictEqual(details.slice(0, 3).map((label) => label.split(':')[0]), ['Time to detect', 'Time to contain', 'Time to recover']);
    assert.match(details[0], /^Time to detect: \d+ d/);
    assert.strictEqual(details[3], 'Open action items: 2');
  });

  test('groups by quarter of the incident date, newest first, from its command', async () => {
    await vscode.commands.executeCommand('incidentReport.reports.groupByQuarter');
    assert.strictEqual(view.groupBy, 'quarter');
    const groups = (await rows(view)).filter((row) => row.depth === 0).map((row) => labelOf(row.item));
    const quarters = groups.filter((label) => /^\d{4}-Q[1-4]$/.test(label));
    assert.ok(quarters.includes('2023-Q4') && quarters.includes('2024-Q2'), groups.join(', '));
    assert.deepStrictEqual(quarters, [...quarters].sort().reverse());
    assert.strictEqual(groups.at(-1), 'No incident date');
  });

  test('a new report file appears in its group, and a click opens it', async () => {
    await writeWorkspaceFile(
      'scratch/reports-view.md',
      '---\nkind: operational\nstatus: final\nseverity: SEV3\ntlp: TLP:GREEN\n---\n# Incident Report: Reports view newcomer\n\n## Incident Details\n\n- **Incident Date:** 2031-08-02 10:00 UTC\n',
    );
    await vscode.commands.executeCommand('incidentReport.reports.groupByQuarter');
    const row = await waitForRows(view, (found) => {
      const group = found.findIndex((r) => r.depth === 0 && labelOf(r.item) === '2031-Q3');
      return group === -1 ? undefined : found[group + 1];
    }, 'the new report under 2031-Q3');
    assert.strictEqual(labelOf(row.item), 'Reports view newcomer');
    assert.strictEqual(row.item.description, 'operational · SEV3 · TLP:GREEN · final');
    const command = row.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('scratch/reports-view.md'));
  });
});
