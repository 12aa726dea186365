import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import * as ts from 'typescript';
import { htmlReport } from '../../src/core/output/htmlReport';
import { parseMarkdownBlocks, plainInline } from '../../src/core/parse/markdown';
import { reportTimelineView } from '../../src/shared/timelineView';
import { LinkifyIt } from '../../scripts/linkify-it-stand-in';
import { analyze, ROOT, sourceFiles } from './helpers';

// The bundles (these tests' too) get a stand-in for linkify-it that throws when used (scripts/linkify-it-stand-in.ts):
// these tests hold every MarkdownIt of ours to having linkify off, so that the stand-in is never reached.

/** Where `src/` constructs a MarkdownIt. */
function markdownItConstructions(): string[] {
  return sourceFiles('src').flatMap((path) => {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(file) === 'MarkdownIt') found.push(relative(ROOT, path).replace(/\\/g, '/'));
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  });
}

const BARE_LINKS = 'Seen at https://evil.example.com/x, www.example.org and ops@example.net.';

suite('markdown-it without linkify-it', () => {
  test('the bundles resolve linkify-it to the stand-in, which throws when used', () => {
    const { linkify } = new MarkdownIt();
    assert.ok(linkify instanceof LinkifyIt);
    assert.throws(() => linkify.test(BARE_LINKS), /linkify-it is not bundled/);
  });

  test('src builds a MarkdownIt in two modules only, the ones tested below', () => {
    assert.deepEqual(markdownItConstructions().sort(), ['src/core/output/htmlReport.ts', 'src/core/parse/markdown.ts']);
  });

  test('the report parser leaves bare links as text', () => {
    const tokens = parseMarkdownBlocks(`# Incident Report: ${BARE_LINKS}\n\n${BARE_LINKS}\n`).flatMap((chunk) => chunk.tokens);
    const heading = tokens.find((token) => token.type === 'inline');
    assert.ok(heading);
    assert.equal(plainInline(heading), `Incident Report: ${BARE_LINKS}`);
  });

  test('the HTML export leaves bare links as text and links only what Markdown links', () => {
    const analysis = analyze(`# Incident Report: test\n\n## Executive Summary\n\n${BARE_LINKS} See [the runbook](https://runbook.example.com).\n`);
    const html = htmlReport({ analysis, view: reportTimelineView(analysis, 'incidents/report.md'), nonce: 'c2VjcmV0LW5vbmNlLTEyMzQ1Njc4' });
    assert.match(html, /Seen at https:\/\/evil\.example\.com\/x, www\.example\.org and ops@example\.net\./);
    assert.deepEqual([...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]), ['https://runbook.example.com']);
  });
});
