import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_REPORT_LENGTH } from '../../src/core/analysis/analyze';
import { markAttackSectionsNotApplicable } from '../../src/core/commands/markNotApplicable';
import { applyEdits } from '../../src/core/edits/apply';
import { TemplateRegistry } from '../../src/core/template/registry';
import { analyze, NOW, VALID_REPORT } from './helpers';

const options = { templates: new TemplateRegistry(), now: NOW };

suite('bad input', () => {
  test('a 5 MB report gets one clear diagnostic instead of a slow validation', () => {
    const filler = '- 2024-01-01 10:00 UTC — log line with **bold** and `code` TODO\n'.repeat(80_000);
    const text = VALID_REPORT.replace('## Response Actions\n', `## Response Actions\n\n${filler}`);
    assert.ok(text.length > 5_000_000);
    const analysis = analyze(text);
    assert.deepEqual(analysis.diagnostics.map((d) => [d.rule, d.message]), [
      ['report.too-large', `This report is ${(text.length / 1024 / 1024).toFixed(1)} MiB: reports over 1 MiB are not validated. Split it, or move logs and raw data to attachments.`],
    ]);
    assert.equal(analysis.kind, 'security');
    assert.equal(analysis.report.title?.title, 'Incident Report: Nation-State Access to the Self-Hosted Atlassian Server');
  });

  test('a report just under the limit is fully validated', () => {
    const filler = '- routine log line\n'.repeat(Math.floor((MAX_REPORT_LENGTH - VALID_REPORT.length - 100) / 19));
    const text = VALID_REPORT.replace('## Response Actions\n', `## Response Actions\n\nTODO\n${filler}`);
    assert.ok(text.length <= MAX_REPORT_LENGTH);
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.rule), ['content.todo']);
  });

  test('binary junk is no report and does not throw', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.doesNotThrow(() => analyze(junk));
    assert.doesNotThrow(() => analyze('\u0000\u0001# Incident Report: \uFFFD\u0000\n## Executive Summary\n\u0000'));
  });

  test('unclosed front matter is read as Markdown, not as YAML', () => {
    const analysis = analyze('---\nkind: security\n# Incident Report: x\n');
    assert.equal(analysis.report.frontMatter, null);
  });

  test('front matter that is a list or a scalar is reported, not crashed on', () => {
    for (const yaml of ['- a\n- b', 'just text', '42']) {
      const analysis = analyze(`---\n${yaml}\n---\n# Incident Report: x\n`);
      assert.ok(analysis.diagnostics.some((d) => d.rule === 'frontmatter.invalid-value'), yaml);
    }
  });

  test('property: any text analyses without throwing, and every range lies inside the text', () => {
    const pieces = fc.constantFrom('# Incident Report: x\n', '## Executive Summary\n', '### Initial Access\n', '- **Date/Time:** ', 'N/A', '\r\n', '\n', '---\n', 'kind: operational\n', '```\n', '<!-- x -->\n', 'TODO ', '\uFEFF', 'Nov 14', '## Lesons Learned\n', '- **Incident Status:** nope\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const analysis = analyze(text);
        for (const d of analysis.diagnostics) {
          assert.ok(0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length, `${d.rule} ${d.range.start}-${d.range.end} of ${text.length}`);
          for (const fix of d.fixes ?? []) assert.doesNotThrow(() => applyEdits(text, fix.edits));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: Mark Attack-Specific Sections N/A is idempotent and never removes a line', () => {
    const sections = fc.subarray(['## Executive Summary\n\nx\n', '## Timeline of Events\n\n### Initial Access\n\n- **Vector:**\n', '### Lateral Movement\n\nmoved\n', '## Attack Methodology\n', '## Indicators of Compromise\n\n- **Network indicators:** 10.0.0.1\n', '## Response Actions\n\nrolled back\n']);
    fc.assert(
      fc.property(sections, fc.boolean(), (chosen, crlf) => {
        let text = `# Incident Report: p\n\n${chosen.join('\n')}`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const edit = markAttackSectionsNotApplicable(text, options, 'r');
        const once = edit ? applyEdits(text, [edit]) : text;
        assert.equal(markAttackSectionsNotApplicable(once, options, 'r'), null);
        const kept = (line: string) => line.trim() && !/^- \*\*.*:\*\*$/.test(line.trim());
        for (const line of text.split(/\r?\n/).filter(kept)) assert.ok(once.includes(line), `lost "${line}"`);
      }),
      { numRuns: 100 },
    );
  });
});
