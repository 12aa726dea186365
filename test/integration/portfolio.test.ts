import * as assert from 'assert';
import * as vscode from 'vscode';
import { durationStats } from '../../src/core/portfolio/stats';
import type { PortfolioReport, PortfolioView } from '../../src/core/portfolio/view';
import type { PortfolioApi } from '../../src/extension/portfolioPanel';
import type { Services } from '../../src/extension/services';
import type { HostMessage } from '../../src/shared/portfolioMessages';
import { PORTFOLIO } from '../cli/fixtures';
import { COMMANDS, EXTENSION_ID, closeAllEditors, openInEditor, replaceText, waitUntil, workspaceUri, writeWorkspaceFile } from './helpers';

/** Where the five reports of known figures (test/cli/fixtures.ts) are written: `portfolio-suite/incidents/r1.md`, … */
const FOLDER = 'portfolio-suite';
const pathOf = (name: string) => `${FOLDER}/${name}`;

suite('Portfolio', () => {
  let portfolio: PortfolioApi;
  /** Every message the panel sent, in order. */
  const sent: HostMessage[] = [];
  let listener: vscode.Disposable;

  suiteSetup(async () => {
    const api = (await vscode.extensions.getExtension<Services & { portfolio: PortfolioApi }>(EXTENSION_ID)?.activate())!;
    portfolio = api.portfolio;
    listener = portfolio.onDidSendMessage((message) => sent.push(message));
  });

  suiteTeardown(async () => {
    listener.dispose();
    for (const name of Object.keys(PORTFOLIO)) await vscode.workspace.fs.delete(workspaceUri(pathOf(name))).then(undefined, () => undefined);
  });

  teardown(closeAllEditors);

  function latest(): PortfolioView {
    const last = sent.at(-1);
    assert.ok(last, 'the panel sent its view');
    return last.view;
  }

  /** Resolves with the first view sent from now on (or the latest) that `accept` takes. */
  function view(accept: (view: PortfolioView) => boolean, what: string): Promise<PortfolioView> {
    return waitUntil(
      portfolio.onDidSendMessage,
      () => (sent.length > 0 && accept(latest()) ? latest() : undefined),
      () => `${what}; the latest view lists ${sent.length > 0 ? latest().reports.map((report) => report.path).join(', ') : 'nothing'}`,
      20_000,
    );
  }

  function row(current: PortfolioView, name: string): PortfolioReport {
    const found = current.reports.find((report) => report.path === pathOf(name));
    assert.ok(found, `${pathOf(name)} is listed`);
    return found;
  }

  test('Show Incident Portfolio: the figures of every report of the workspace, and of reports as they are added and removed', async () => {
    await vscode.commands.executeCommand(COMMANDS.showPortfolio);
    const before = latest();
    // The examples are there as they are written (the tests before this one may have added reports of their own).
    const cloudflare = before.reports.find((report) => report.path === 'incidents/2023-11-23-cloudflare-atlassian-breach.md');
    assert.deepStrictEqual([cloudflare?.kind, cloudflare?.severity, cloudflare?.quarter], ['security', 'high', '2023-Q4']);
    assert.ok(!before.reports.some((report) => report.path === 'notes/plain.md'), 'plain Markdown is no report');
    assertConsistent(before);

    for (const [name, text] of Object.entries(PORTFOLIO)) await writeWorkspaceFile(pathOf(name), text);
    const after = await view((current) => current.stats.reports === before.stats.reports + 5, 'the five new reports');
    // The figures of test/cli/fixtures.ts's table, added to those of before.
    const added = (key: 'bySeverity' | 'byQuarter', name: string) => (after.stats[key][name] ?? 0) - (before.stats[key][name] ?? 0);
    assert.deepStrictEqual(
      [after.stats.byKind.security - before.stats.byKind.security, after.stats.byKind.operational - before.stats.byKind.operational],
      [1, 4],
    );
    assert.deepStrictEqual(['SEV1', 'SEV2', 'SEV3', 'high'].map((severity) => added('bySeverity', severity)), [1, 2, 1, 1]);
    assert.deepStrictEqual(['2024-Q1', '2024-Q2', '2025-Q1', 'unknown'].map((quarter) => added('byQuarter', quarter)), [1, 2, 1, 1]);
    assert.deepStrictEqual([after.stats.openActions - before.stats.openActions, after.stats.overdueActions - before.stats.overdueActions], [4, 2]);
    assert.deepStrictEqual(row(after, 'incidents/r1.md').metrics, { timeToDetect: 900, timeToContain: 2400, timeToRecover: 5700 });
    assert.deepStrictEqual(row(after, 'incidents/r4.md').metrics, { timeToDetect: 7200, timeToContain: 21600, timeToRecover: null });
    assert.deepStrictEqual(
      ['r1', 'r2', 'r3', 'r4', 'r5'].map((name) => {
        const report = row(after, `incidents/${name}.md`);
        return [report.severity, report.quarter, report.openActions, report.overdueActions];
      }),
      [
        ['SEV2', '2024-Q1', 1, 1],
        ['SEV1', '2024-Q2', 1, 0],
        ['SEV2', '2024-Q2', 1, 1],
        ['SEV3', '2025-Q1', 1, 0],
        ['high', null, 0, 0],
      ],
    );
    assertConsistent(after);

    await vscode.workspace.fs.delete(workspaceUri(pathOf('incidents/r5.md')));
    const removed = await view((current) => current.stats.reports === before.stats.reports + 4, 'r5 gone');
    assert.ok(!removed.reports.some((report) => report.path === pathOf('incidents/r5.md')));
    assert.strictEqual(removed.stats.byKind.security, before.stats.byKind.security);
  });

  test('follows a report as it is typed in, before it is saved', async () => {
    await writeWorkspaceFile(pathOf('incidents/r2.md'), PORTFOLIO['incidents/r2.md']);
    await vscode.commands.executeCommand(COMMANDS.showPortfolio);
    assert.strictEqual(row(latest(), 'incidents/r2.md').severity, 'SEV1');
    const editor = await openInEditor(workspaceUri(pathOf('incidents/r2.md')));
    await replaceText(editor, PORTFOLIO['incidents/r2.md'].replace('severity: SEV1', 'severity: SEV4'));
    await view((current) => current.reports.some((report) => report.path === pathOf('incidents/r2.md') && report.severity === 'SEV4'), 'r2 as SEV4');
  });

  test('opens a report the list shows; ignores invalid messages and URIs it did not send', async () => {
    // r1 is written by the first test.
    await vscode.commands.executeCommand(COMMANDS.showPortfolio);
    const r1 = await view((current) => current.reports.some((report) => report.path === pathOf('incidents/r1.md')), 'r1 listed');
    const plain = workspaceUri('notes/plain.md').toString();
    for (const message of [null, 'openReport', { type: 'openReport' }, { type: 'openReport', uri: 42 }, { type: 'open', uri: row(r1, 'incidents/r1.md').uri }, { type: 'openReport', uri: plain }]) {
      await portfolio.receiveMessage(message);
    }
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === plain), 'a URI the panel did not send is not opened');
    assert.strictEqual(vscode.window.visibleTextEditors.length, 0, 'nothing was opened');

    const count = sent.length;
    await portfolio.receiveMessage({ type: 'ready' });
    assert.ok(sent.length > count, 'a page that loads is sent the view');

    await portfolio.receiveMessage({ type: 'openReport', uri: row(r1, 'incidents/r1.md').uri });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), row(r1, 'incidents/r1.md').uri);
  });
});

/** The figures are over the reports listed. */
function assertConsistent(view: PortfolioView): void {
  const { stats, reports } = view;
  assert.strictEqual(stats.reports, reports.length);
  assert.strictEqual(stats.byKind.security + stats.byKind.operational, reports.length);
  assert.strictEqual(Object.values(stats.bySeverity).reduce((sum, n) => sum + n, 0), reports.length);
  assert.strictEqual(stats.openActions, reports.reduce((sum, report) => sum + report.openActions, 0));
  assert.strictEqual(stats.overdueActions, reports.reduce((sum, report) => sum + report.overdueActions, 0));
  for (const key of ['timeToDetect', 'timeToContain', 'timeToRecover'] as const) {
    assert.deepStrictEqual(stats.metrics[key], durationStats(reports.map((report) => report.metrics[key])), key);
  }
}
