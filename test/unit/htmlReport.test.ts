import * as assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { htmlReport } from '../../src/core/output/htmlReport';
import { needsConfirmationToShare, tlpLevelOf } from '../../src/core/security/tlp';
import { reportPage } from '../../src/shared/reportPage';
import { reportTimelineView } from '../../src/shared/timelineView';
import { CATALOG } from './attackCatalog';
import { analyze, readProjectFile } from './helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const NONCE = 'c2VjcmV0LW5vbmNlLTEyMzQ1Njc4';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

const HOSTILE = `---
kind: security
tlp: TLP:GREEN
timezone: UTC
owner: "${SCRIPT}"
tags: ["${IMG}", plain]
---
# Incident Report: ${IMG} and ${SCRIPT}

## Executive Summary

Body text ${SCRIPT} with ${IMG} inline, **bold**, a [good link](https://example.com/a?b=1&c=2),
a [bad link](javascript:alert(1)), a [data link](data:text/html,${encodeURIComponent(SCRIPT)}),
an autolink <javascript:alert(1)>, ![a remote image](https://example.com/pixel.png) and ![bad](javascript:alert(1)).

<div onmouseover="alert(1)">
${SCRIPT}
</div>

<!-- incident-report-disable section.missing -- a note for the authors only -->

| Indicator | Note ${SCRIPT} |
| :-- | --: |
| ${IMG} | \`${SCRIPT}\` |

\`\`\`html"><script>alert(1)</script>
${SCRIPT}
${IMG}
\`\`\`

## Timeline of Events

- 2024-03-05 09:15 Attacker ran ${SCRIPT} on the host
- 2024-03-05 11:30 The EDR flagged ${IMG} and alerted the SOC

## Attack Methodology

- **Initial Access:** T1566.001 ${IMG}
`;

function page(text: string): { html: string; document: DefaultTreeAdapterMap['document'] } {
  const analysis = analyze(text, { attack: CATALOG });
  const html = htmlReport({ analysis, view: reportTimelineView(analysis, 'incidents/report.md'), nonce: NONCE });
  return { html, document: parse(html) };
}

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const visit = (current: Node) => {
    if ('tagName' in current) found.push(current);
    const children = 'content' in current && current.nodeName === 'template' ? [] : 'childNodes' in current ? current.childNodes : [];
    children.forEach(visit);
  };
  visit(node);
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((found) => found.name === name)?.value;
}

/** The text inside an element, as a browser would show it. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function byClass(root: Node, className: string): Element[] {
  return elements(root).filter((element) => (attribute(element, 'class') ?? '').split(' ').includes(className));
}

suite('HTML export', () => {
  test('report text stays text everywhere: title, front matter, body, raw HTML, table cells, code, timeline, techniques', () => {
    const { document } = page(HOSTILE);
    const all = elements(document);
    const smuggled = all.filter((element) => ['script', 'img', 'iframe', 'object', 'embed', 'link', 'form', 'base'].includes(element.tagName));
    assert.deepEqual(smuggled.map((element) => element.tagName), [], 'no element a report could have smuggled in');
    const handlers = all.flatMap((element) => element.attrs.filter((found) => found.name.startsWith('on')).map((found) => `${element.tagName} ${found.name}`));
    assert.deepEqual(handlers, [], 'no event handler attribute');

    const h1 = all.find((element) => element.tagName === 'h1')!;
    assert.equal(textOf(h1), `Incident Report: ${IMG} and ${SCRIPT}`);
    const details = textOf(byClass(document, 'details')[0]);
    assert.ok(details.includes(SCRIPT) && details.includes(`${IMG}, plain`), details);

    const body = byClass(document, 'report-body')[0];
    const bodyText = textOf(body);
    assert.ok(bodyText.includes(`Body text ${SCRIPT} with ${IMG} inline`), 'inline HTML shown as written');
    assert.ok(bodyText.includes(`<div onmouseover="alert(1)">\n${SCRIPT}\n</div>`), 'an HTML block shown as written');
    assert.ok(!bodyText.includes('incident-report-disable') && !bodyText.includes('for the authors only'), 'comments left out, as a Markdown preview leaves them out');

    const cells = elements(body).filter((element) => element.tagName === 'td' || element.tagName === 'th').map(textOf);
    assert.deepEqual(cells, ['Indicator', `Note ${SCRIPT}`, IMG, SCRIPT]);
    const pre = elements(body).find((element) => element.tagName === 'pre')!;
    assert.equal(textOf(pre), `${SCRIPT}\n${IMG}\n`);
    assert.ok(!elements(pre).some((element) => element.tagName === 'script'));

    const events = textOf(byClass(document, 'events')[0]);
    assert.ok(events.includes(`Attacker ran ${SCRIPT} on the host`) && events.includes(`The EDR flagged ${IMG}`), events);
    const axisLabels = elements(byClass(document, 'time-axis')[0]).filter((element) => element.tagName === 'title').map(textOf);
    assert.ok(axisLabels.some((label) => label.includes(`Attacker ran ${SCRIPT}`)), 'the axis tooltips are the events, as text');
    const techniques = textOf(byClass(document, 'techniques')[0]);
    assert.ok(techniques.includes('T1566.001') && techniques.includes('Spearphishing Attachment'), techniques);
  });

  test('links: only http(s) and mailto, without referrer or opener; images are links, never loaded', () => {
    const { document } = page(`${HOSTILE}\nWrite to [the SOC](mailto:soc@example.com).\n`);
    const links = elements(document).filter((element) => element.tagName === 'a');
    assert.deepEqual(
      links.map((link) => [attribute(link, 'href'), attribute(link, 'rel'), textOf(link)]),
      [
        ['https://example.com/a?b=1&c=2', 'noopener noreferrer', 'good link'],
        ['https://example.com/pixel.png', 'noopener noreferrer', 'Image: a remote image'],
        ['mailto:soc@example.com', 'noopener noreferrer', 'the SOC'],
      ],
    );
    const bodyText = textOf(byClass(document, 'report-body')[0]);
    assert.ok(bodyText.includes('[bad link](javascript:alert(1))'), 'a javascript: link is text');
    assert.ok(bodyText.includes('[data link](data:text/html'), 'a data: link is text');
    assert.ok(bodyText.includes('<javascript:alert(1)>'), 'a javascript: autolink is text');
    assert.ok(bodyText.includes('![bad](javascript:alert(1))'), 'a javascript: image is text');
  });

  test('nothing is loaded: no src, and no href but the report\'s own links; the policy allows only the styled nonce', () => {
    const { html, document } = page(HOSTILE);
    const all = elements(document);
    assert.deepEqual(all.filter((element) => attribute(element, 'src') !== undefined).map((element) => element.tagName), []);
    assert.deepEqual(all.filter((element) => element.tagName !== 'a' && attribute(element, 'href') !== undefined).map((element) => element.tagName), []);
    assert.deepEqual(all.filter((element) => attribute(element, 'style') !== undefined).map((element) => element.tagName), [], 'no inline style: the policy would block it');
    assert.ok(!/url\(/i.test(html) && !/@import/i.test(html), 'the stylesheet loads nothing');

    const policy = all.find((element) => element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
    assert.ok(policy, 'a Content-Security-Policy');
    const directives = new Map(attribute(policy, 'content')!.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('style-src'), [`'nonce-${NONCE}'`]);
    assert.ok(!directives.has('script-src'), 'no scripts at all');
    const styles = all.filter((element) => element.tagName === 'style');
    assert.deepEqual(styles.map((style) => attribute(style, 'nonce')), [NONCE], 'one stylesheet, with the nonce of the policy');
    assert.ok(all.indexOf(policy) < all.indexOf(styles[0]), 'the policy comes before what it allows');
    assert.deepEqual(all.filter((element) => element.tagName === 'script').length, 0);
  });

  test('a nonce that is not plain base64 or hex is refused', () => {
    const analysis = analyze(HOSTILE);
    const view = reportTimelineView(analysis, 'report.md');
    assert.throws(() => htmlReport({ analysis, view, nonce: `${NONCE}' 'unsafe-inline` }), /nonce/);
    assert.throws(() => htmlReport({ analysis, view, nonce: 'short' }), /nonce/);
  });

  test('the TLP banner: the label, its colour and its meaning; printed pages repeat a known label in their margins', () => {
    const cases = [
      ['TLP:RED', 'tlp-red', 'individual recipients only'],
      ['TLP:AMBER+STRICT', 'tlp-amber', 'within their organization only'],
      ['TLP:AMBER', 'tlp-amber', 'within their organization and its clients'],
      ['TLP:GREEN', 'tlp-green', 'within their community'],
      ['TLP:CLEAR', 'tlp-clear', 'no limit on disclosure'],
      ['TLP:WHITE', 'tlp-clear', 'no limit on disclosure'],
    ] as const;
    for (const [label, className, meaning] of cases) {
      const { html, document } = page(HOSTILE.replace('tlp: TLP:GREEN', `tlp: ${label}`));
      const [banner] = byClass(document, 'tlp-banner');
      assert.ok(attribute(banner, 'class')!.split(' ').includes(className), `${label}: ${attribute(banner, 'class')}`);
      assert.equal(textOf(byClass(banner, 'tlp-label')[0]), label);
      assert.ok(textOf(banner).includes(meaning), `${label}: ${textOf(banner)}`);
      const level = label === 'TLP:WHITE' ? 'TLP:CLEAR' : label;
      assert.ok(html.includes(`@top-right { content: "${level}";`), `${label} in the page margins`);
      const [body] = elements(document).filter((element) => element.tagName === 'body');
      assert.equal(body.childNodes.find((node) => 'tagName' in node), banner, 'the banner comes first');
    }
    const none = page(HOSTILE.replace('tlp: TLP:GREEN\n', ''));
    assert.equal(textOf(byClass(none.document, 'tlp-label')[0]), 'No TLP label');
    assert.ok(!none.html.includes('@top-right'));
    const odd = page(HOSTILE.replace('tlp: TLP:GREEN', 'tlp: "internal\\"; } body { display: none } x { a: \\""'));
    assert.equal(textOf(byClass(odd.document, 'tlp-label')[0]), 'internal"; } body { display: none } x { a: "');
    const stylesheet = textOf(elements(odd.document).find((element) => element.tagName === 'style')!);
    assert.ok(!stylesheet.includes('@top-right') && !stylesheet.includes('internal'), 'a label that is no TLP level never reaches the stylesheet');
  });

  test('which labels ask before sharing, read loosely', () => {
    for (const label of ['TLP:RED', 'tlp:red', 'RED', 'TLP: RED', 'TLP:AMBER+STRICT', 'tlp:amber+strict', 'AMBER + STRICT']) assert.ok(needsConfirmationToShare(label), label);
    for (const label of ['TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR', 'TLP:WHITE', 'credited', 'internal', undefined, 3, null]) assert.ok(!needsConfirmationToShare(label), String(label));
    assert.equal(tlpLevelOf(' tlp: amber+strict '), 'TLP:AMBER+STRICT');
    assert.equal(tlpLevelOf('white'), 'TLP:CLEAR');
    assert.equal(tlpLevelOf('TLP:PURPLE'), null);
  });

  test('metrics and the time axis as the preview shows them; the title and front matter in the header', () => {
    const text = readProjectFile('examples', 'incidents', '2023-11-23-cloudflare-atlassian-breach.md');
    const analysis = analyze(text);
    const view = reportTimelineView(analysis, 'incidents/x.md');
    const document = parse(reportPage(analysis, 'incidents/x.md', NONCE));
    const metrics = byClass(document, 'metric').map((metric) => elements(metric).filter((element) => element.tagName === 'dt' || element.tagName === 'dd').map(textOf));
    assert.deepEqual(metrics, view.metrics.map((metric) => [metric.name, metric.value, metric.detail]));
    assert.deepEqual(
      metrics.map(([name, value]) => [name, value]),
      [
        ['Time to detect', '9 d'],
        ['Time to contain', '9 d'],
        ['Time to recover', '21 d'],
      ],
    );
    const lanes = byClass(document, 'axis-lane').filter((lane) => !attribute(lane, 'class')!.includes('axis-scale'));
    assert.deepEqual(lanes.map((lane) => textOf(byClass(lane, 'axis-lane-title')[0])), ['Attack', 'Detection', 'Response', 'Recovery', 'Other']);
    const drawn = elements(document).filter((element) => (attribute(element, 'class') ?? '').includes('axis-event')).map((element) => attribute(element, 'data-id'));
    assert.deepEqual(drawn.sort(), view.axis.lanes.flatMap((lane) => lane.items.map((item) => item.eventId)).sort(), 'every laid-out event is drawn');
    assert.ok(!elements(document).some((element) => attribute(element, 'tabindex') !== undefined || attribute(element, 'role') === 'button'), 'the static axis claims no interaction');
    const rows = elements(byClass(document, 'events')[0]).filter((element) => element.tagName === 'tr' && (attribute(element, 'class') ?? '').includes('event'));
    assert.equal(rows.length, view.dated.reduce((sum, group) => sum + group.events.length, 0) + view.undated.length, 'every event in words');

    const h1s = elements(document).filter((element) => element.tagName === 'h1');
    assert.deepEqual(h1s.map(textOf), [analysis.report.title!.title], 'the title once, in the header');
    const details = elements(byClass(document, 'details')[0]).filter((element) => element.tagName === 'dt').map(textOf);
    assert.deepEqual(details, Object.keys(analysis.report.frontMatter!.raw));
    const headings = elements(byClass(document, 'report-body')[0]).filter((element) => element.tagName === 'h2').map(textOf);
    assert.deepEqual(headings, analysis.report.sections.map((section) => section.heading.title));
    assert.ok(!textOf(byClass(document, 'report-body')[0]).includes('template: security-incident'), 'front matter is not body text');
  });

  test('table alignment becomes a class, since the policy blocks inline styles', () => {
    const { document } = page(HOSTILE);
    const cells = elements(byClass(document, 'report-body')[0]).filter((element) => element.tagName === 'td' || element.tagName === 'th');
    assert.deepEqual(cells.map((cell) => attribute(cell, 'class')), ['align-left', 'align-right', 'align-left', 'align-right']);
  });

  test('a report without title, dates or front matter still gets a page named after its file', () => {
    const { document } = page('Just a note with <b>html</b>.\n');
    assert.equal(textOf(elements(document).find((element) => element.tagName === 'h1')!), 'report.md');
    assert.equal(textOf(byClass(document, 'empty')[0]), 'No dated events to place on a time axis yet.');
    assert.equal(byClass(document, 'details').length, 0);
    assert.ok(textOf(byClass(document, 'report-body')[0]).includes('Just a note with <b>html</b>.'));
  });
});
