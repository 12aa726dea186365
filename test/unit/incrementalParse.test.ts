// Parsing a report in stretches cut at top-level headings (so that an edit re-parses only its stretch) must give
// exactly the tokens of parsing the whole text at once, for any text and after any edit.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBlocks, parseMarkdownBlocks, type Token } from '../../src/core/parse/markdown';
import { loadCorpus } from '../property/corpus';
import { documentArbitrary, UNIT_SCALE } from '../property/generators';
import { ROOT } from './helpers';

/** What the report reads of a token, its line map counted from the text's first line. */
function shape(token: Token, firstLine: number): string {
  const map = token.map ? [token.map[0] + firstLine, token.map[1] + firstLine] : null;
  return JSON.stringify([token.type, token.tag, token.level, token.nesting, map, token.content, token.markup, token.info]);
}

function inStretches(text: string, minChunkLines?: number): string[] {
  return parseMarkdownBlocks(text, minChunkLines).flatMap((chunk) => chunk.tokens.map((token) => shape(token, chunk.firstLine)));
}

function inOnePiece(text: string): string[] {
  return parseBlocks(text.replace(/\r\n?/g, '\n')).map((token) => shape(token, 0));
}

/** Parsed in stretches, cut at every heading that can be (`minChunkLines` 1) or as reports are, the text reads as in one piece. */
function assertSameTokens(text: string): void {
  assert.deepEqual(inStretches(text, 1), inOnePiece(text));
  assert.deepEqual(inStretches(text), inOnePiece(text));
}

suite('parsing in stretches', () => {
  const section = (n: number) => `## Section ${n}\n\n- **Field:** value ${n}\n- item\n\n| a | b |\n| - | - |\n| ${n} | x |\n`;
  // 4,000 lines: stretches are cut every few hundred lines.
  const long = Array.from({ length: 400 }, (_, n) => section(n)).join('\n');

  test('a long report is cut at its headings and reads as one piece', () => {
    assert.ok(parseMarkdownBlocks(long).length > 5);
    assertSameTokens(long);
  });

  test('headings that are not at the top level are not cuts: in fences, HTML blocks, quotes, lists, tables, after an unclosed fence', () => {
    const cases = [
      '## A\n\n```bash\n# list the files\nls\n# and more\n```\n## B\ntext\n',
      '## A\n\n~~~\n# not a heading\n```\n# still code\n~~~\n## B\n',
      '## A\n\n  ```\n# in a fence indented by two spaces\n  ```\n## B\n',
      '## A\n<!--\n# in a comment\n-->\n## B\n',
      '## A\n<div>\n# in an HTML block\n\n## B\n',
      '## A\n> quote\n# heading after a quote\n## B\n',
      '## A\n- item\n# heading after a list\n    # indented code\n## B\n',
      '## A\n| a | b |\n| - | - |\n| 1 | 2 |\n# after a table\n## B\n',
      '## A\n```\nnever closed\n# one\n# two\n# three\n# four\n# five\n# six\n',
      '## A\nSetext\n===\n# x\nparagraph\n#\n#no-space\n####### seven\n',
      '## A\r\n\r\n```\r\n# crlf code\r\n```\r\n## B\r\ntext\r# C\rold Mac line breaks\r',
      '```\n# fence on the first line\n',
      '#\n#\n#\n',
    ];
    for (const text of cases) assertSameTokens(text);
  });

  test('an unclosed fence before thousands of headings is read in one piece, not again from each heading', () => {
    const text = `## A\n\`\`\`\n${'# comment line\n'.repeat(20_000)}`;
    assertSameTokens(text);
    assert.ok(parseMarkdownBlocks(text, 1).length <= 2);
  });

  test('after an edit, only the edited stretch is parsed again: the others are the same tokens', () => {
    const before = parseMarkdownBlocks(long);
    const edited = long.replace('value 30', 'value thirty');
    const after = parseMarkdownBlocks(edited);
    assert.equal(after.length, before.length);
    const reused = after.filter((chunk, i) => chunk.tokens === before[i].tokens).length;
    assert.equal(reused, before.length - 1);
    assertSameTokens(edited);
  });

  test('generated and hostile documents, before and after an edit of one line', () => {
    const corpus = loadCorpus(ROOT);
    const edit = fc.record({ line: fc.nat(), text: fc.constantFrom('', '```', '# Heading', '<!--', '-->', '- item', '> quote', '    code', '---') });
    fc.assert(
      fc.property(documentArbitrary(corpus, UNIT_SCALE), edit, (text, { line, text: newLine }) => {
        assertSameTokens(text);
        const lines = text.split('\n');
        lines.splice(line % (lines.length + 1), 0, newLine);
        assertSameTokens(lines.join('\n'));
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
