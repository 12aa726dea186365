import * as assert from 'node:assert/strict';
import { PORTFOLIO } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';

suite('stats', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({ ...PORTFOLIO, 'notes.md': '# Notes\n\nNot a report.\n' });
  });
  teardown(() => folder.dispose());

  test('json: counts and metrics of the portfolio, figured by hand (see PORTFOLIO)', () => {
    const run = cli(['stats', '--format', 'json'], folder.path);
    assertNoCrash(run);
    assert.equal(run.status, 0, run.stderr);
    const stats = JSON.parse(run.stdout);
    assert.deepEqual(stats, {
      reports: 5,
      byKind: { security: 1, operational: 4 },
      bySeverity: { SEV1: 1, SEV2: 2, SEV3: 1, high: 1 },
      byQuarter: { '2024-Q1': 1, '2024-Q2': 2, '2025-Q1': 1, unknown: 1 },
      metrics: {
        // Detect: 600, 900, 1800, 3600, 7200. Median the 3rd; p90 the ⌈0.9·5⌉ = 5th; mean 14100 / 5.
        timeToDetect: { count: 5, median: 1800, p90: 7200, mean: 2820 },
        // Contain: 2400, 3600, 7200, 10800, 21600. Median 7200; p90 the 5th; mean 45600 / 5.
        timeToContain: { count: 5, median: 7200, p90: 21600, mean: 9120 },
        // Recover (r4 has no date): 5700, 7200, 14400, 86400. Median (7200 + 14400) / 2; p90 the ⌈3.6⌉ = 4th; mean 113700 / 4.
        timeToRecover: { count: 4, median: 10800, p90: 86400, mean: 28425 },
      },
      // r1's, r2's, r3's table row, r4's; overdue: r1's (2024-04-01) and r3's (2024-08-01), by today's clock.
      openActions: 4,
      overdueActions: 2,
    });
    assert.deepEqual(Object.keys(stats.byQuarter), ['2024-Q1', '2024-Q2', '2025-Q1', 'unknown'], 'quarters in time order, unknown last');
  });

  test('a folder or a file narrows the reports counted', () => {
    const run = cli(['stats', '--format', 'json', 'incidents/r2.md', 'incidents/r4.md'], folder.path);
    const stats = JSON.parse(run.stdout);
    assert.equal(stats.reports, 2);
    // Detect: 3600 and 7200, median their mean.
    assert.deepEqual(stats.metrics.timeToDetect, { count: 2, median: 5400, p90: 7200, mean: 5400 });
    assert.deepEqual(stats.metrics.timeToRecover, { count: 1, median: 14400, p90: 14400, mean: 14400 });
  });

  test('csv: RFC 4180 rows of group, key, value with CRLF', () => {
    const run = cli(['stats', '-f', 'csv'], folder.path);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\r\n');
    assert.equal(lines[0], 'group,key,value');
    for (const row of ['reports,,5', 'kind,security,1', 'severity,SEV2,2', 'quarter,2024-Q2,2', 'quarter,unknown,1', 'timeToRecover,median,10800', 'timeToRecover,mean,28425', 'actions,overdue,2']) {
      assert.ok(lines.includes(row), `no row ${row} in\n${run.stdout}`);
    }
    assert.equal(lines.at(-1), '', 'every record ends with CRLF');
  });

  test('markdown (default): a summary line and tables, durations written out', () => {
    const run = cli(['stats'], folder.path);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^5 reports: 1 security, 4 operational\. 4 open action items, 2 overdue\.\n/);
    assert.ok(run.stdout.includes('| Time to detect | 5 | 30 min | 2 h 0 min | 47 min |\n'), run.stdout);
    assert.ok(run.stdout.includes('| Time to recover | 4 | 3 h 0 min | 1 d 0 h | 7 h 53 min |\n'), run.stdout);
    assert.ok(run.stdout.includes('| 2024-Q2 | 2 |\n'));
  });

  test('no reports: zero counts and null figures; an unknown format is a usage error', () => {
    const empty = new TempFolder({ 'notes.md': '# Notes\n' });
    try {
      const stats = JSON.parse(cli(['stats', '-f', 'json'], empty.path).stdout);
      assert.equal(stats.reports, 0);
      assert.deepEqual(stats.metrics.timeToDetect, { count: 0, median: null, p90: null, mean: null });
    } finally {
      empty.dispose();
    }
    const bad = cli(['stats', '--format', 'xml'], folder.path);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of markdown, json, csv/);
  });
});
