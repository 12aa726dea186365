import * as assert from 'node:assert/strict';
import { durationStats, portfolioStats } from '../../src/core/portfolio/stats';
import { summarizeReport } from '../../src/core/portfolio/summary';
import { analyze, NOW, VALID_REPORT } from './helpers';

suite('portfolio statistics', () => {
  test('median of an odd and an even count, nearest-rank 90th percentile, mean; negatives and nulls left out', () => {
    assert.deepEqual(durationStats([30, 10, 20]), { count: 3, median: 20, p90: 30, mean: 20 });
    // Sorted 10 20 30 40: median (20 + 30) / 2; p90 the ⌈3.6⌉ = 4th.
    assert.deepEqual(durationStats([40, null, 10, 30, 20, -5]), { count: 4, median: 25, p90: 40, mean: 25 });
    // Ten values 1..10: p90 the 9th.
    assert.equal(durationStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).p90, 9);
    assert.deepEqual(durationStats([]), { count: 0, median: null, p90: null, mean: null });
  });

  test('a report summary: front matter, the quarter of the incident date in the report\'s zone, metrics, action items', () => {
    const summary = summarizeReport(analyze(VALID_REPORT));
    assert.deepEqual(
      { title: summary.title, kind: summary.kind, severity: summary.severity, status: summary.status, tlp: summary.tlp, quarter: summary.quarter },
      { title: 'Incident Report: Nation-State Access to the Self-Hosted Atlassian Server', kind: 'security', severity: 'high', status: 'in-review', tlp: 'TLP:AMBER', quarter: '2023-Q4' },
    );
    assert.ok(summary.metrics.timeToDetect !== null && summary.metrics.timeToDetect > 0);
    // 2024-03-31 23:30 UTC is already April 1 in Berlin.
    const late = VALID_REPORT.replace('timezone: UTC', 'timezone: Europe/Berlin').replace(/\*\*Incident Date:\*\* .*/, '**Incident Date:** 2024-03-31 23:30 UTC');
    assert.equal(summarizeReport(analyze(late)).quarter, '2024-Q2');
    assert.equal(summarizeReport(analyze(VALID_REPORT.replace(/\*\*Incident Date:\*\* .*/, '**Incident Date:** Unknown'))).quarter, null);
  });

  test('open and overdue action items are counted by the clock passed in', () => {
    const text = VALID_REPORT.replace(/(## Recommendations\n)/, '$1\n- [ ] A (owner: @a, due: 2026-11-22)\n- [ ] B (owner: @b, due: 2026-11-30)\n- [x] C (owner: @c, due: 2020-01-01)\n');
    const summaries = [summarizeReport(analyze(text))];
    assert.deepEqual([portfolioStats(summaries, NOW).openActions, portfolioStats(summaries, NOW).overdueActions], [2, 1]);
    assert.equal(portfolioStats(summaries, new Date('2026-12-01T00:00:00Z')).overdueActions, 2);
  });
});
