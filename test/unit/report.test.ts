import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseReport, sectionAt, type ParsedReport, type Section } from '../../src/core/parse/report';
import { loadCorpus } from '../property/corpus';
import { documentArbitrary, UNIT_SCALE } from '../property/generators';
import { ROOT } from './helpers';
import { analyze, VALID_REPORT } from './helpers';

suite('parseReport', () => {
  test('builds the section tree from ATX and setext headings, each under the nearest heading of a lower level', () => {
    const report = parseReport('# Incident Report: X\n\nSummary\n=======\n\nIntro\n\nDetails\n-------\n\n### Sub\n\n## Next\n\n# Appendix\n');
    assert.equal(report.title?.title, 'Incident Report: X');
    const tree = (sections: readonly Section[]): unknown[] => sections.map((s) => [s.heading.title, s.heading.level, tree(s.children)]);
    assert.deepEqual(tree(report.sections), [
      ['Summary', 1, [['Details', 2, [['Sub', 3, []]]], ['Next', 2, []]]],
      ['Appendix', 1, []],
    ]);
  });

  test('ignores headings inside fenced code, indented code, HTML blocks and front matter', () => {
    const text = [
      '---',
      'kind: security',
      '# not a heading: YAML comment',
      '---',
      '# Incident Report: Fences',
      '',
      '```markdown',
      '## Inside Fence',
      '```',
      '',
      '    ## Indented Code',
      '',
      '<div>',
      '## Inside HTML',
      '</div>',
      '',
      '## Real',
      '',
    ].join('\n');
    const report = parseReport(text);
    assert.equal(report.title?.title, 'Incident Report: Fences');
    assert.deepEqual(report.allSections.map((s) => s.heading.title), ['Real']);
  });

  test('reads bold and plain field lines with the exact ranges of name and value', () => {
    const text = '# T\n\n## Incident Details\n\n- **Discovery Date:** 2024-03-01\n- Incident Date: 2024-02-28\n- **Empty:**\n';
    const section = parseReport(text).sections[0];
    assert.deepEqual(
      section.fields.map((f) => [f.name, f.value, text.slice(f.nameRange.start, f.nameRange.end), text.slice(f.valueRange.start, f.valueRange.end), f.bold]),
      [
        ['Discovery Date', '2024-03-01', 'Discovery Date', '2024-03-01', true],
        ['Incident Date', '2024-02-28', 'Incident Date', '2024-02-28', false],
        ['Empty', '', 'Empty', '', true],
      ],
    );
  });

  test('gives the same structure and correct positions with CRLF line endings and a BOM', () => {
    const lf = VALID_REPORT;
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    const a = parseReport(lf);
    const b = parseReport(crlf);
    assert.deepEqual(
      b.allSections.map((s) => [s.heading.title, s.heading.line]),
      a.allSections.map((s) => [s.heading.title, s.heading.line]),
    );
    for (const section of b.allSections) {
      assert.equal(crlf.slice(section.heading.titleRange.start, section.heading.titleRange.end), section.heading.title);
      for (const field of section.fields) assert.equal(crlf.slice(field.valueRange.start, field.valueRange.end).replace(/\r\n\s*/g, ' '), field.value);
    }
    assert.deepEqual(b.frontMatter?.raw, a.frontMatter?.raw);
  });

  test('diagnostics of a CRLF + BOM copy point at the same lines and columns', () => {
    const broken = VALID_REPORT.replace('## Lessons Learned', '## Lesons Learned').replace('tlp: TLP:AMBER', 'tlp: TLP:WHITE');
    const position = (text: string) => {
      const analysis = analyze(text);
      return analysis.diagnostics.map((d) => [d.rule, analysis.report.lines.positionAt(d.range.start), analysis.report.lines.positionAt(d.range.end)] as const);
    };
    const lf = position(broken);
    assert.equal(lf.length, 2);
    const crlf = position('\uFEFF' + broken.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf, lf.map(([rule, start, end]) => [rule, shiftedByBom(start), shiftedByBom(end)]));
  });

  test('records disable comments for the section they stand in', () => {
    const report = parseReport('# T\n\n<!-- incident-report-disable content.todo -->\n\n## A\n\n<!-- incident-report-disable section.empty field.missing -->\n');
    assert.deepEqual([...report.disabledRules], ['content.todo']);
    assert.deepEqual([...report.sections[0].disabledRules], ['section.empty', 'field.missing']);
  });
});

/** A BOM is one UTF-16 unit before line 1: it shifts columns on the first line only. */
function shiftedByBom(position: { line: number; character: number }) {
  return position.line === 0 ? { line: 0, character: position.character + 1 } : position;
}

suite('heading titles', () => {
  test('a title reads as markdown-it\'s own parse reads it, with or without inline markup (3,000 generated titles)', () => {
    // As the report parser is set up: HTML allowed.
    const markdown = new MarkdownIt({ html: true });
    /** The heading's text as markdown-it's full parse, inline rules included, gives it. */
    const parsedTitle = (text: string) => {
      const tokens = markdown.parse(text, {});
      const inline = tokens[tokens.findIndex((token) => token.type === 'heading_open') + 1];
      return (inline?.children ?? [])
        .map((child) => (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
        .join('')
        .trim();
    };
    // Titles without inline markup most of the time (read without an inline parse), and with it (read by one).
    const plain = fc.constantFrom(...' \t#$%+-:=@^{}|,.;?\'"()/0123456789abcXYZé中\u00a0', ...'#+-:=(),./');
    const unit = fc.oneof({ arbitrary: plain, weight: 9 }, { arbitrary: fc.constantFrom(...'\\`*_[]<>&!~'), weight: 1 });
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), (title) => {
        const text = `## ${title}\n`;
        assert.equal(parseReport(text).sections[0]?.heading.title ?? '', parsedTitle(text), JSON.stringify(title));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });
});

suite('sectionAt', () => {
  /** The innermost section holding the offset, found by looking at every section. */
  const bySearchingAll = (report: ParsedReport, offset: number) => report.allSections.filter((section) => section.range.start <= offset && offset <= section.range.end).at(-1) ?? null;

  test('finds the innermost section at any offset of generated documents, as a look at every section does (300 documents)', () => {
    fc.assert(
      fc.property(documentArbitrary(loadCorpus(ROOT), UNIT_SCALE), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }), (text, fractions) => {
        const report = parseReport(text);
        const offsets = [0, text.length, text.length + 1, ...report.allSections.flatMap((section) => [section.range.start, section.range.end, section.range.start - 1]), ...fractions.map((f) => Math.floor(f * text.length))];
        for (const offset of offsets) assert.equal(sectionAt(report, offset), bySearchingAll(report, offset), `offset ${offset}`);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

