import * as assert from 'node:assert/strict';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { columnChart, columnHeight, PLOT_HEIGHT, type Chart } from '../../src/core/portfolio/charts';
import { portfolioView } from '../../src/core/portfolio/portfolioView';
import { summarizeReport } from '../../src/core/portfolio/summary';
import type { PortfolioView } from '../../src/core/portfolio/view';
import { toHtml, type Markup } from '../../src/core/text/markup';
import { headlineFigures, portfolioCharts, reportList } from '../../src/shared/portfolioPage';
import { analyze, NOW, VALID_REPORT } from './helpers';

type Element = DefaultTreeAdapterMap['element'];

/** Every element of the markup, depth first. */
function elements(node: Markup | string): Markup[] {
  return typeof node === 'string' ? [] : [node, ...node.children.flatMap(elements)];
}

function byTag(node: Markup, tag: string): Markup[] {
  return elements(node).filter((element) => element.tag === tag);
}

/** The text of an element, its descendants' included. */
function textOf(node: Markup | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

const count = (value: number) => String(value);

function chart(groups: Chart['groups'], series: Chart['series'] = [{ name: 'Reports', className: 'series-reports' }]): Markup {
  return columnChart({ id: 'chart-test', title: 'Test chart', category: 'Group', series, groups, format: count, empty: 'Nothing to draw.' });
}

/** A postmortem whose severity field says what `severity` is, with its start in `start`. */
function postmortem(severity: string, start: string): string {
  return `---
template: sre-postmortem
---
# Postmortem: Queue stalled

## Summary

The queue stalled.

## Impact

- **Severity:** ${severity}
- **Start:** ${start}
- **Detected:** 2024-02-01 10:30 UTC
- **Resolved:** 2024-02-01 12:00 UTC
`;
}

/** The markup as a browser parses its HTML. */
function parsedHtml(node: Markup): Element[] {
  const found: Element[] = [];
  const walk = (parent: { childNodes: DefaultTreeAdapterMap['childNode'][] }) => {
    for (const child of parent.childNodes) {
      if ('tagName' in child) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(parseFragment(toHtml(node)));
  return found;
}

suite('portfolio charts', () => {
  test('column heights are in proportion to the values, the largest PLOT_HEIGHT high, all standing on one baseline', () => {
    const drawn = chart([
      { label: 'a', values: [1] },
      { label: 'b', values: [2] },
      { label: 'c', values: [4] },
      { label: 'd', values: [3] },
    ]);
    const bars = byTag(drawn, 'rect');
    assert.deepEqual(
      bars.map((bar) => Number(bar.attributes.height)),
      [PLOT_HEIGHT / 4, PLOT_HEIGHT / 2, PLOT_HEIGHT, (PLOT_HEIGHT * 3) / 4],
    );
    const bottoms = new Set(bars.map((bar) => Number(bar.attributes.y) + Number(bar.attributes.height)));
    assert.equal(bottoms.size, 1, 'one baseline');
    // Left to right in the order given.
    const xs = bars.map((bar) => Number(bar.attributes.x));
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    assert.deepEqual(byTag(drawn, 'text').filter((text) => text.attributes.class === 'bar-value').map(textOf), ['1', '2', '4', '3']);
    assert.equal(columnHeight(1, 3), 40);
    assert.equal(columnHeight(1, 7), 17.1, 'to a tenth of a pixel');
    assert.equal(columnHeight(60, 1_209_600), 2, 'a minute beside two weeks can still be seen');
    assert.equal(columnHeight(0, 1_209_600), 0);
  });

  test('grouped columns: one per series and group, in proportion over the whole chart; a missing value is no column', () => {
    const drawn = chart(
      [
        { label: '2024-Q1', values: [600, 3600, null] },
        { label: '2024-Q2', values: [1200, null, 7200] },
      ],
      [
        { name: 'Detect', className: 'series-detect' },
        { name: 'Contain', className: 'series-contain' },
        { name: 'Recover', className: 'series-recover' },
      ],
    );
    const bars = byTag(drawn, 'rect');
    assert.deepEqual(
      bars.map((bar) => [bar.attributes.class, Number(bar.attributes.height)]),
      [
        ['bar series-detect', 10],
        ['bar series-contain', 60],
        ['bar series-detect', 20],
        ['bar series-recover', 120],
      ],
    );
    assert.deepEqual(byTag(drawn, 'title').map(textOf).slice(0, 2), ['2024-Q1, Detect: 600', '2024-Q1, Contain: 3600']);
    assert.equal(byTag(drawn, 'ul')[0]?.attributes.class, 'legend', 'several series have a legend');
    const rows = byTag(byTag(drawn, 'tbody')[0], 'tr').map((row) => row.children.map(textOf));
    assert.deepEqual(rows, [
      ['2024-Q1', '600', '3600', 'none'],
      ['2024-Q2', '1200', 'none', '7200'],
    ]);
  });

  test('zero: columns of no height and no NaN anywhere; empty or valueless: a sentence instead of a drawing', () => {
    const zero = chart([
      { label: 'Security', values: [0] },
      { label: 'Operational', values: [0] },
    ]);
    assert.deepEqual(byTag(zero, 'rect').map((bar) => bar.attributes.height), ['0', '0']);
    assert.ok(!toHtml(zero).includes('NaN') && !toHtml(zero).includes('Infinity'), toHtml(zero));

    for (const groups of [[], [{ label: '2024-Q1', values: [null] }]]) {
      const empty = chart(groups);
      assert.equal(byTag(empty, 'svg').length, 0);
      assert.equal(byTag(empty, 'table').length, 0);
      assert.deepEqual(byTag(empty, 'p').map(textOf), ['Nothing to draw.']);
    }

    const nothing = portfolioView([], NOW);
    for (const drawn of portfolioCharts(nothing).slice(1)) assert.equal(byTag(drawn, 'svg').length, 0, toHtml(drawn));
    assert.equal(textOf(reportList(nothing.reports)), 'No reports in the workspace yet.');
    assert.ok(textOf(headlineFigures(nothing.stats)).includes('no report gives it yet'));
  });

  test('each chart: a focusable figure named by its caption, an SVG image with a label, titled columns, a table of its figures', () => {
    const summary = summarizeReport(analyze(VALID_REPORT));
    const view = portfolioView([{ uri: 'file:///w/a.md', path: 'a.md', summary }], NOW);
    const charts = portfolioCharts(view);
    assert.deepEqual(charts.map((drawn) => drawn.attributes.id), ['chart-kind', 'chart-severity', 'chart-quarter', 'chart-metrics']);
    for (const drawn of charts) {
      assert.equal(drawn.tag, 'figure');
      assert.equal(drawn.attributes.tabindex, '0');
      const caption = byTag(drawn, 'figcaption')[0];
      assert.equal(drawn.attributes['aria-labelledby'], caption.attributes.id);
      const svg = byTag(drawn, 'svg')[0];
      assert.equal(svg.attributes.role, 'img');
      assert.equal(svg.attributes['aria-label'], `${textOf(caption)}: column chart`);
      for (const bar of byTag(svg, 'rect')) assert.equal(bar.children.filter((child) => typeof child !== 'string' && child.tag === 'title').length, 1);
      const table = byTag(drawn, 'table')[0];
      assert.equal(table.attributes.class, 'visually-hidden');
      assert.equal(textOf(byTag(table, 'caption')[0]), textOf(caption));
      assert.ok(byTag(table, 'th').every((cell) => cell.attributes.scope === 'col' || cell.attributes.scope === 'row'));
    }
    // The example: a security report of 2023-Q4, severity high.
    const [kind, severity, quarter, metrics] = charts;
    assert.deepEqual(byTag(kind, 'tbody').flatMap((body) => byTag(body, 'tr').map((row) => row.children.map(textOf))), [['Security', '1'], ['Operational', '0']]);
    assert.deepEqual(byTag(severity, 'rect').map((bar) => bar.attributes.class), ['bar severity-2']);
    assert.deepEqual(byTag(quarter, 'th').map(textOf), ['Quarter', 'Reports', '2023-Q4']);
    // Durations are written as the timeline writes them.
    const detect = byTag(metrics, 'td')[0];
    assert.match(textOf(detect), /^\d+ (d|h|min)/);
  });

  test('severities in their order, a colour only for the ones front matter knows, whatever the case', () => {
    // As the statistics give them: sorted by name, unknown last.
    const stats = portfolioView([], NOW).stats;
    const view: PortfolioView = { stats: { ...stats, bySeverity: { Low: 1, SEV3: 1, alpha: 1, critical: 2, zeta: 1, unknown: 4 } }, byQuarter: {}, reports: [] };
    const severity = portfolioCharts(view)[1];
    assert.deepEqual(byTag(severity, 'tbody').flatMap((body) => byTag(body, 'th').map(textOf)), ['critical', 'Low', 'SEV3', 'alpha', 'zeta', 'unknown']);
    assert.deepEqual(
      byTag(severity, 'rect').map((bar) => bar.attributes.class),
      ['bar severity-1', 'bar severity-4', 'bar severity-3', 'bar severity-other', 'bar severity-other', 'bar severity-other'],
    );
  });

  test("report text is only ever text: a severity or a quarter like <script> is escaped, and never a class or an id", () => {
    const hostile = '<script>alert(1)</script>';
    const summary = summarizeReport(analyze(postmortem(hostile, '2024-02-01 10:00 UTC')));
    assert.equal(summary.severity, hostile, 'the severity field is read as written');
    const view = portfolioView([{ uri: 'file:///w/"x".md', path: '"><img src=x onerror=alert(1)>.md', summary: { ...summary, quarter: '"><img src=x>' } }], NOW);
    const page: Markup = { tag: 'div', attributes: {}, children: [headlineFigures(view.stats), ...portfolioCharts(view), reportList(view.reports)] };
    const html = toHtml(page);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the severity is written as text');
    const parsed = parsedHtml(page);
    assert.deepEqual(parsed.filter((element) => ['script', 'img'].includes(element.tagName)), [], 'no element comes from report text');
    const texts = parsed.flatMap((element) => element.childNodes.filter((child) => child.nodeName === '#text').map((child) => (child as DefaultTreeAdapterMap['textNode']).value));
    assert.ok(texts.includes(hostile), 'a browser reads it back as the text written');
    for (const element of elements(page)) {
      assert.ok(!/[<>"]/.test(element.attributes.class ?? ''), `class ${element.attributes.class}`);
      assert.ok(!/[<>"]/.test(element.attributes.id ?? ''), `id ${element.attributes.id}`);
    }
    const button = byTag(reportList(view.reports), 'button')[0];
    assert.equal(button.attributes['data-uri'], 'file:///w/"x".md', 'the URI is an attribute value, escaped by whoever writes it');
  });
});

suite('portfolio view', () => {
  test('figures of the reports, the metrics by quarter, the list latest quarter first, action items by the clock', () => {
    const early = summarizeReport(analyze(postmortem('SEV2', '2024-02-01 10:00 UTC')));
    const late = summarizeReport(analyze(postmortem('SEV1', '2024-02-01 10:00 UTC').replace('2024-02-01 10:00 UTC', '2024-02-01 10:15 UTC')));
    const example = summarizeReport(analyze(VALID_REPORT.replace(/(## Recommendations\n)/, '$1\n- [ ] A (owner: @a, due: 2026-11-22)\n- [ ] B (owner: @b, due: 2026-11-30)\n')));
    const undated = { ...early, quarter: null };
    const view = portfolioView(
      [
        { uri: 'u:b', path: 'b.md', summary: early },
        { uri: 'u:a', path: 'a.md', summary: late },
        { uri: 'u:x', path: 'x.md', summary: example },
        { uri: 'u:n', path: 'n.md', summary: undated },
      ],
      NOW,
    );
    assert.equal(view.stats.reports, 4);
    assert.deepEqual(view.stats.bySeverity, { SEV1: 1, SEV2: 2, high: 1 });
    assert.deepEqual(Object.keys(view.byQuarter), ['2023-Q4', '2024-Q1', 'unknown']);
    // Detected at 10:30: 30 min after a 10:00 start, 15 min after 10:15: the median of two is their mean.
    assert.deepEqual(view.byQuarter['2024-Q1'].timeToDetect, { count: 2, median: 1350, p90: 1800, mean: 1350 });
    assert.deepEqual(view.byQuarter.unknown.timeToRecover, { count: 1, median: 7200, p90: 7200, mean: 7200 });
    assert.deepEqual(
      view.reports.map((report) => report.path),
      ['a.md', 'b.md', 'x.md', 'n.md'],
    );
    const x = view.reports.find((report) => report.uri === 'u:x');
    // The example's own two open items are due in 2030; of the two added, one was due yesterday.
    assert.deepEqual([x?.openActions, x?.overdueActions], [4, 1]);
    assert.deepEqual([view.stats.openActions, view.stats.overdueActions], [4, 1]);
  });

  test('headline figures: reports, open and overdue action items, median and 90th percentile of each metric', () => {
    const summary = summarizeReport(analyze(postmortem('SEV2', '2024-02-01 10:00 UTC')));
    const view = portfolioView([{ uri: 'u:a', path: 'a.md', summary }], NOW);
    const figures = byTag(headlineFigures(view.stats), 'div').map((figure) => figure.children.map(textOf));
    assert.deepEqual(figures.slice(0, 3), [
      ['Reports', '1', '0 security, 1 operational'],
      ['Open action items', '0', 'across 1 report'],
      ['Overdue action items', '0', 'open, past their due date'],
    ]);
    assert.deepEqual(figures[3], ['Time to detect (median)', '30 min', '90th percentile 30 min, over 1 report']);
    assert.deepEqual(figures[5], ['Time to recover (median)', '2 h 0 min', '90th percentile 2 h 0 min, over 1 report']);
    const list = reportList(view.reports);
    assert.deepEqual(byTag(list, 'button').map((button) => [button.attributes['data-uri'], button.attributes.type]), [['u:a', 'button']]);
    assert.equal(textOf(byTag(list, 'span')[1]), 'Operational · SEV2 · 2024-Q1 · no open action items · detected in 30 min, recovered in 2 h 0 min');
  });
});
