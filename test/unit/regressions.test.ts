// One test per item of issue 8 ("Never lose a word") that the property suite confirmed, each asserting the correct
// behaviour on a minimal report: they fail until the engine is fixed (causes: the fuzz findings report of issue 8).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { fixAll } from '../../src/core/commands/fixAll';
import { markAttackSectionsNotApplicable, markSectionNotApplicableAt } from '../../src/core/commands/markNotApplicable';
import { applyEdits } from '../../src/core/edits/apply';
import { exportReport } from '../../src/core/output/export';
import { TemplateRegistry } from '../../src/core/template/registry';
import type { TextEdit } from '../../src/core/types';
import { PROPERTIES } from '../property/properties';
import { analyze, NOW, ROOT, templateFromYaml } from './helpers';

const options = { templates: new TemplateRegistry(), now: NOW };
const apply = (text: string, edit: TextEdit | null) => (edit ? applyEdits(text, [edit]) : text);

/** A template of bare sections nested five deep: with sections from ###, the deepest needs a level-7 heading. */
const BARE_SECURITY_TEMPLATE = templateFromYaml(`id: security-incident
name: Bare
kind: security
sections:
  - { title: Executive Summary, required: true }
  - title: Attack Methodology
    required: true
    attackSpecific: true
    sections:
      - title: Tactics
        required: true
        sections:
          - title: Techniques
            required: true
            sections:
              - title: Procedures
                required: true
                sections:
                  - { title: Observables, required: true }
`).template;

/** Heading lines `#… title` of a text, as [level, title]. */
function headingsTitled(text: string, title: string): number[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(/^#+ /, '') === title && /^#{1,6} /.test(line))
    .map((line) => line.indexOf(' '));
}

suite('regressions of issue 8', () => {
  test('(1) the N/A commands keep an attack-specific section that holds only a code block or deeply indented items', () => {
    const bodies = [
      '```\n198.51.100.7\nevil.example.com\n```',
      '~~~\n198.51.100.7\n~~~',
      '    198.51.100.7\n    evil.example.com',
      '        - 198.51.100.7, an item indented eight spaces',
    ];
    for (const body of bodies) {
      const text = `# Incident Report: x\n\n## Executive Summary\n\nA summary.\n\n## Indicators of Compromise\n\n${body}\n\n## Response Actions\n\nRolled back.\n`;
      const inSection = (output: string) => {
        const at = output.indexOf(body);
        return at > output.indexOf('## Indicators of Compromise') && at < output.indexOf('## Response Actions');
      };
      const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
      assert.ok(inSection(marked), `Mark Attack-Specific Sections N/A lost ${JSON.stringify(body)}: ${JSON.stringify(marked)}`);
      assert.equal(markAttackSectionsNotApplicable(marked, options, 'r'), null, 'a second run changes nothing');
      const one = markSectionNotApplicableAt(text, text.indexOf('## Indicators of Compromise'), options, 'r');
      assert.ok(one && inSection(apply(text, one.edit)), `Mark Section N/A lost ${JSON.stringify(body)}: ${JSON.stringify(one && apply(text, one.edit))}`);
    }
  });

  test('(2) Mark Attack-Specific Sections N/A on a report whose sections are level 1 (or start at ###) inserts each missing section once, at the report\'s own levels, and a second run changes nothing', () => {
    for (const top of [1, 3]) {
      const h = (depth: number) => '#'.repeat(top + depth);
      const text = `# Incident Report: x\n\n${h(0)} Executive Summary\n\nA summary.\n\n${h(0)} Timeline of Events\n\n${h(1)} Detection & Response\n\nPaged.\n\n${h(0)} Response Actions\n\nRolled back.\n`;
      const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
      // Initial Access is a subsection of Timeline of Events; the other two are top-level sections.
      assert.deepEqual(headingsTitled(marked, 'Initial Access'), [top + 1], `Initial Access, top level ${top}: ${JSON.stringify(marked)}`);
      assert.deepEqual(headingsTitled(marked, 'Attack Methodology'), [top], `Attack Methodology, top level ${top}`);
      assert.deepEqual(headingsTitled(marked, 'Indicators of Compromise'), [top], `Indicators of Compromise, top level ${top}`);
      assert.equal(markAttackSectionsNotApplicable(marked, options, 'r'), null, 'a second run changes nothing');
    }
  });

  test('(3) every fix of a misplaced section applies, and Fix All moves sections into template order without "Overlapping edits"', () => {
    // Executive Summary and Incident Details both stand after Recommendations: moving Incident Details "after
    // Executive Summary" is where it already is (a deletion and an insertion at the same offset).
    const text = '# Incident Report: x\n\n## Recommendations\n\nr\n\n## Executive Summary\n\nx\n\n## Incident Details\n\n- **Discovery Date:** 2024-03-14 09:30 UTC\n';
    const misplaced = analyze(text).diagnostics.filter((d) => d.rule === 'section.order');
    assert.ok(misplaced.length > 0);
    for (const diagnostic of misplaced) {
      for (const fix of diagnostic.fixes ?? []) {
        const fixed = applyEdits(text, fix.edits);
        assert.ok(
          !analyze(fixed).diagnostics.some((d) => d.rule === 'section.order' && d.message === diagnostic.message),
          `"${fix.title}" leaves "${diagnostic.message}": ${JSON.stringify(fixed)}`,
        );
      }
    }
    const fixed = apply(text, fixAll(text, options).edit);
    const order = ['Executive Summary', 'Incident Details', 'Recommendations'].map((title) => fixed.indexOf(`## ${title}\n`));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `sections out of order after Fix All: ${JSON.stringify(fixed)}`);
    assert.deepEqual(analyze(fixed).diagnostics.filter((d) => d.rule === 'section.order'), []);
  });

  test('(4) no regular expression of the engine that reads a line of "- **" and spaces, or of many "[", is ReDoS-vulnerable (checked with recheck, not timed)', function () {
    this.timeout(60_000); // recheck may take up to its own 10 s limit per expression
    const lines = [`- **${' '.repeat(300)}`, `- 2024-03-14 09:30 UTC — ${'['.repeat(300)}`];
    const regexes = new Map<string, RegExp>();
    for (const line of lines) {
      const report = `# Incident Report: x\n\n## Timeline of Events\n\n### Detection & Response\n\n${line}\n`;
      for (const regex of engineRegexesReading(report, line.slice(-300))) regexes.set(regexKey(regex.source, regex.flags), regex);
    }
    const vulnerable: string[] = [];
    for (const regex of regexes.values()) {
      const result = checkSync(regex.source, regex.flags, { timeout: 10_000, randomSeed: 8 });
      if (result.status === 'vulnerable') vulnerable.push(`/${regex.source}/${regex.flags} (${result.complexity.summary}, e.g. ${result.attack.pattern})`);
    }
    assert.deepEqual(vulnerable, []);
  });

  test('(5) YAML front matter never makes analysis or export throw: undefined aliases, over 100 aliases, alias cycles', () => {
    const cases = [
      '---\nkind: security\ntags: [*nix, windows]\n---\n# Incident Report: x\n',
      `---\nkind: security\nanchor: &x value\ntags: [${Array.from({ length: 120 }, () => '*x').join(', ')}]\n---\n# Incident Report: x\n`,
      '---\nkind: security\ntags: &a [x, *a]\n---\n# Incident Report: x\n',
      '---\nkind: security\nid: &a\n  b: *a\n---\n# Incident Report: x\n',
    ];
    for (const text of cases) {
      const analysis = analyze(text);
      const frontMatterEnd = text.indexOf('\n---\n') + 4;
      const problems = analysis.diagnostics.filter((d) => d.rule.startsWith('frontmatter.'));
      assert.ok(problems.length > 0 && problems.every((d) => d.range.end <= frontMatterEnd), `no front matter diagnostic for ${JSON.stringify(text.slice(0, 80))}`);
      assert.doesNotThrow(() => JSON.stringify(exportReport('report.md', analysis)), `export of ${JSON.stringify(text.slice(0, 80))}`);
    }
  });

  test('(8) frontmatter.syntax ranges split no CRLF or surrogate pair, and renaming a misspelled two-line setext heading keeps one heading and its underline', () => {
    const splits = (text: string, offset: number) =>
      (text[offset - 1] === '\r' && text[offset] === '\n') || (/[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? ''));
    for (const text of ['---\r\nkind: security\r\n\r\n- **Discovery Date:** Investigating\r\n---\r\n', '---\remoji: 😀 \uD83D\rkind: security\r---']) {
      for (const d of analyze(text).diagnostics.filter((d) => d.rule === 'frontmatter.syntax')) {
        assert.ok(!splits(text, d.range.start) && !splits(text, d.range.end), `${d.message}: [${d.range.start}, ${d.range.end}) of ${JSON.stringify(text)}`);
      }
    }
    const setext = '# Incident Report: x\n\nExecutiv\nSummary\n---\n\nA summary.\n';
    const misspelled = analyze(setext).diagnostics.find((d) => d.rule === 'section.misspelled');
    assert.ok(misspelled?.fixes?.[0]);
    const renamed = applyEdits(setext, misspelled.fixes[0].edits);
    const section = analyze(renamed).report.sections[0];
    assert.equal(section?.heading.title, 'Executive Summary', JSON.stringify(renamed));
    assert.ok(/\n---\n/.test(renamed) && section.heading.level === 2, `the underline is gone: ${JSON.stringify(renamed)}`);
  });
});

// Failures the property suite found beyond the items of the issue, one test each (same rule: they fail until fixed).
suite('regressions found by the property suite', () => {
  test('an unclosed code fence at the end does not swallow inserted sections: Mark Attack-Specific Sections N/A inserts each once, and the fix clears its diagnostic', () => {
    const text = '# Incident Report: x\n\n## Executive Summary\n\nA summary.\n\n```\nlog line\n';
    const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
    const sections = analyze(marked).report.allSections.map((s) => s.heading.title);
    assert.ok(sections.includes('Attack Methodology') && sections.includes('Indicators of Compromise'), JSON.stringify(marked));
    assert.equal(markAttackSectionsNotApplicable(marked, options, 'r'), null, 'a second run changes nothing');
    const missing = analyze(text).diagnostics.find((d) => d.message === 'Missing required section "Recommendations"');
    assert.ok(missing?.fixes?.[0]);
    const fixed = applyEdits(text, missing.fixes[0].edits);
    assert.ok(!analyze(fixed).diagnostics.some((d) => d.message === missing.message), JSON.stringify(fixed));
  });

  test('Fix All keeps the lines after a heading nested in a list item or a block quote', () => {
    const cases: [string, string][] = [
      ['# Incident Report: x\n\n   # Response\n\n- Discovery Date: x\n', '- Discovery Date: x'],
      ['Full Report\n\n>## Response Actions\n>- Containment measures: Isolating.\n', '>- Containment measures: Isolating.'],
    ];
    for (const [text, line] of cases) {
      const fixed = apply(text, fixAll(text, options).edit);
      assert.ok(fixed.split('\n').includes(line), `lost ${JSON.stringify(line)}: ${JSON.stringify(fixed)}`);
    }
  });

  test('"Add the template\'s content" keeps the comments of the empty section, incident-report-disable included', () => {
    const text = '---\nkind: security\n---\n\n# Incident Report: x\n\n## Impact Assessment\n\n<!-- incident-report-disable content.todo -->\n';
    const empty = analyze(text).diagnostics.find((d) => d.rule === 'section.empty');
    const fix = empty?.fixes?.find((f) => f.title.startsWith('Add the template'));
    assert.ok(fix);
    assert.ok(applyEdits(text, fix.edits).includes('<!-- incident-report-disable content.todo -->'));
  });

  test('a missing section is never written deeper than heading level 6, and Fix All then changes nothing more', () => {
    const bare = BARE_SECURITY_TEMPLATE;
    const deep = { templates: new TemplateRegistry([{ template: bare, source: 'test' }]), now: NOW };
    const text = '# Incident Report: x\n\n### Executive Summary\n\nA summary.\n\n### Attack Methodology\n\n#### Tactics\n\nt\n\n##### Techniques\n\nt\n\n###### Procedures\n\np\n';
    const fixed = apply(text, fixAll(text, deep).edit);
    assert.ok(!/^#{7}/m.test(fixed), JSON.stringify(fixed));
    assert.equal(fixAll(fixed, deep).edit, null);
  });

  test('Fix All fixes every diagnostic, also two with the same message', () => {
    const text = '---\nkind: operational\n---\n\n# Incident Report: x\n\n## Timeline of Events\n\n- 2024-03-14 09:30 — a\n- 2024-03-14 09:30 — b\n';
    const fixed = apply(text, fixAll(text, options).edit);
    assert.deepEqual(analyze(fixed).diagnostics.filter((d) => d.rule === 'timeline.missing-timezone').map((d) => d.message), []);
    assert.equal(fixAll(fixed, options).edit, null);
  });

  test('front matter with CR line breaks is read like front matter with LF', () => {
    const text = '---\rkind: operational\rtimezone: Europe/Zurich\r---\r\r# Incident Report: x\r';
    assert.deepEqual(analyze(text).report.frontMatter?.raw, { kind: 'operational', timezone: 'Europe/Zurich' });
  });

  test('Mark Section N/A is idempotent when the N/A it writes changes the inferred kind (and the template\'s placeholders)', () => {
    // "How the failure was stopped from spreading" is a placeholder of the operational template only.
    const text = '# Incident Report: x\n\n## Timeline of Events\n\n### Initial Access\n\n- **Vector:** How the failure was stopped from spreading\n- **Details:** Phishing.\n';
    const offset = text.indexOf('### Initial Access');
    const once = apply(text, markSectionNotApplicableAt(text, offset, options, 'r')?.edit ?? null);
    assert.equal(markSectionNotApplicableAt(once, offset, options, 'r')?.edit ?? null, null, JSON.stringify(once));
  });

  test('the fix of an unknown front matter key never removes another key\'s line', () => {
    const text = '---\nkind: security\n:\n---\n# Incident Report: x\n';
    for (const d of analyze(text).diagnostics.filter((d) => d.rule === 'frontmatter.unknown-key')) {
      for (const fix of d.fixes ?? []) assert.ok(applyEdits(text, fix.edits).includes('kind: security'), `${fix.title}: ${JSON.stringify(applyEdits(text, fix.edits))}`);
    }
  });

  test('a section inserted at the end after a higher-level heading stays a section: its fix clears its diagnostic', () => {
    const text = '# Incident Report: x\n\n## Notes\n\nSome.\n\n# Where we were lucky\n';
    const missing = analyze(text).diagnostics.find((d) => d.message === 'Missing required section "Recommendations"');
    assert.ok(missing?.fixes?.[0]);
    const fixed = applyEdits(text, missing.fixes[0].edits);
    assert.ok(/\n# Recommendations\n/.test(fixed), JSON.stringify(fixed));
    assert.ok(!analyze(fixed).diagnostics.some((d) => d.message === missing.message), JSON.stringify(fixed));
  });

  test('a moved section takes the level of its new place, among the sections already in order', () => {
    const text = '# Incident Report: x\n\n## Indicators of Compromise\n\nNone.\n\n## Impact Assessment\n\nSome.\n\n# Executive Summary\n\nA summary.\n';
    const fixed = apply(text, fixAll(text, options).edit);
    const titles = analyze(fixed).report.sections.filter((s) => /^(Ex|Im|In)/.test(s.heading.title) && !s.heading.title.includes('Details')).map((s) => `${s.heading.level} ${s.heading.title}`);
    assert.deepEqual(titles, ['2 Executive Summary', '2 Impact Assessment', '2 Indicators of Compromise'], JSON.stringify(fixed));
    assert.ok(!analyze(fixed).diagnostics.some((d) => d.rule === 'section.order'), JSON.stringify(fixed));
  });

  test('Mark Section N/A on a heading without a line break writes N/A as its own paragraph, once', () => {
    const text = '# Incident Report: x\n\n## Lessons Learned';
    const marked = apply(text, markSectionNotApplicableAt(text, text.length, options, 'r')?.edit ?? null);
    assert.equal(marked, '# Incident Report: x\n\n## Lessons Learned\n\nN/A (r)\n');
    assert.equal(markSectionNotApplicableAt(marked, marked.length - 2, options, 'r')?.edit, null);
  });

  test('text inserted into a report with CR line breaks uses CR', () => {
    const text = '# Incident Report: x\r\r## Executive Summary\r\rA summary.\r';
    const missing = analyze(text).diagnostics.find((d) => d.rule === 'section.missing');
    assert.ok(missing?.fixes?.[0]);
    assert.ok(!/\n/.test(applyEdits(text, missing.fixes[0].edits)));
  });

  test('a closed code fence with CR line breaks is not closed again, and the inserted section is a section', () => {
    const text = '\uFEFF---\r---\r\r```\r## Indicators of Compromise\r```';
    const missing = analyze(text).diagnostics.find((d) => d.message === 'Missing required section "Executive Summary"');
    assert.ok(missing?.fixes?.[0]);
    const fixed = applyEdits(text, missing.fixes[0].edits);
    assert.equal(fixed.split('```').length - 1, 2, JSON.stringify(fixed));
    assert.ok(!analyze(fixed).diagnostics.some((d) => d.message === missing.message), JSON.stringify(fixed));
  });

  test('a section written twice is not moved: section.duplicate asks to merge it first', () => {
    const text = '# Incident Report: x\n\n## Recommendations\n\nA.\n\n## Executive Summary\n\nB.\n\n## Recommendations\n\nC.\n';
    const rules = analyze(text).diagnostics.map((d) => d.rule);
    assert.ok(rules.includes('section.duplicate') && !rules.includes('section.order'), rules.join(', '));
  });

  test('a code fence left open before the title is closed before sections are inserted after it', () => {
    const text = '\n```\n## Indicators of Compromise\n\nFull Report';
    const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
    const titles = analyze(marked).report.allSections.map((s) => s.heading.title);
    assert.ok(titles.includes('Attack Methodology') && titles.includes('Indicators of Compromise'), JSON.stringify(marked));
    assert.equal(markAttackSectionsNotApplicable(marked, options, 'r'), null);
  });

  test('a section with a code fence open to the end of the text is moved with its fence closed, and one moved after such a fence is not moved into it', () => {
    const texts = [
      '# Incident Report: x\n\n## Recommendations\n\nr\n\n## Executive Summary\n\n```\nlog',
      '# Incident Report: x\n\n## Recommendations\n\nr\n\n## Executive Summary\n\ns\n\n## Incident Details\n\n```\nlog',
    ];
    for (const text of texts) {
      const misplaced = analyze(text).diagnostics.find((d) => d.rule === 'section.order');
      assert.ok(misplaced?.fixes?.[0]);
      const moved = applyEdits(text, misplaced.fixes[0].edits);
      const titles = analyze(moved).report.allSections.map((s) => s.heading.title);
      assert.ok(titles.includes('Executive Summary') && titles.includes('Recommendations'), `a section became code: ${JSON.stringify(moved)}`);
      assert.ok(moved.includes('```\nlog\n'), JSON.stringify(moved));
    }
    // Found as Fix All growing 3 lines to 107: the sections after the moved one became code and were inserted again.
    const text = '## Indicators of Compromise\n# iness Impact\n```';
    const fixed = apply(text, fixAll(text, options).edit);
    const titles = analyze(fixed).report.allSections.map((s) => s.heading.title);
    assert.equal(titles.filter((title) => title === 'Indicators of Compromise').length, 1, JSON.stringify(fixed));
    assert.equal(fixAll(fixed, options).edit, null);
  });

  test('Mark Section N/A after a heading ending with a lone CR, in a text of LF line breaks, leaves a blank line before N/A, once', () => {
    const text = '# Incident Report: x\n\n## Lessons Learned\r';
    const marked = apply(text, markSectionNotApplicableAt(text, text.length, options, 'r')?.edit ?? null);
    assert.equal(marked, '# Incident Report: x\n\n## Lessons Learned\r\n\nN/A (r)\n');
    assert.equal(markSectionNotApplicableAt(marked, marked.length - 2, options, 'r')?.edit ?? null, null);
  });

  test('Mark Attack-Specific Sections N/A leaves front matter with a key written twice as it is', () => {
    const text = '---\nkind: security\nkind: security\n---\n# Incident Report: x\n';
    const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
    assert.ok(marked.startsWith('---\nkind: security\nkind: security\n---\n'), JSON.stringify(marked));
    assert.equal(markAttackSectionsNotApplicable(marked, options, 'r'), null);
  });

  test('Mark Section N/A is idempotent: the N/A line written above a section\'s content is its own paragraph, so "---" under it makes no setext heading', () => {
    const text = '# Incident Report: x\n\n## Indicators of Compromise\n---\n';
    const offset = text.indexOf('## Indicators');
    const once = apply(text, markSectionNotApplicableAt(text, offset, options, 'r')?.edit ?? null);
    assert.equal(once, '# Incident Report: x\n\n## Indicators of Compromise\n\nN/A (r)\n\n---\n');
    assert.equal(markSectionNotApplicableAt(once, offset, options, 'r')?.edit ?? null, null, JSON.stringify(once));
  });

  test('front matter with a line of 100,000 "[" is refused before yaml\'s parser, which recurses once per open bracket', () => {
    // Found as a Fix All hang: every analysis made yaml overflow its stack and recover, slowly.
    const text = `---\r\r${'['.repeat(100_000)}\r---\r# Incident Report: x\r`;
    const syntax = analyze(text).diagnostics.filter((d) => d.rule === 'frontmatter.syntax').map((d) => d.message);
    assert.deepEqual(syntax, ['The YAML cannot be read: its [ ] and { } collections are nested more than 64 levels deep']);
    // Brackets in quotes and comments open nothing.
    const quoted = `---\nkind: operational\ntags: ["${'['.repeat(100)}"] # ${'{'.repeat(100)}\n---\n# Incident Report: x\n`;
    assert.deepEqual(analyze(quoted).diagnostics.filter((d) => d.rule === 'frontmatter.syntax'), []);
  });

  // False positives of the property suite's own line check (test/property): the commands were right.
  const propertyCheck = (name: string, text: string, offset = 0) =>
    PROPERTIES.find((p) => p.name === name)!.check({ text, setup: { registry: 'builtin', rules: {}, reason: 'r' }, offset });

  test('the property suite reads a setext heading whose text starts with "*" (no list item) as a heading: Fix All may relevel it', () => {
    // Fix All moves "*Timeline" under the level-2 sections, and its underline "=" becomes "-".
    assert.doesNotThrow(() => propertyCheck('Fix All keeps every line that is not a placeholder', '## Etive Summary\n# Attack Methods\n*Timeline\n='));
  });

  test('the property suite finds a line Fix All defanged in a section it also moved: fenced, indented or quoted', () => {
    // The shrunk cases of the fuzz run, as found.
    const texts = [
      "\n## Indicators of Compromise\n\n### Executive Summary\n\n```\nevil.example.com\n```\n\n### Detection & Response\n\n- **Date/Time:** November 23, 2023\n- **Detection:** The security team detected the attacker on the Atlassian server.\n- **Response actions taken:** The attacker's access was disconnected at once.\n\n## Attack Methodology\n\n- **Initial Access:** Valid accounts: credentials stolen in a third party's breach.\n- **Persistence:** A service account token left unrotated after the Okta breach.\n- **Discovery:** Searches of the Confluence wiki and the Jira bug database.\n- **Collection:** Reading internal documentation about the network and security practices.\n\n---\n\nSummarize what happened, who was affected and where things stand.",
      "\n# Executive Summary\n\nIOCs\n=\n\n    198.51.100.7\n\n# Executive Summary\n\n- **Discovery Date:** Investigating\n- **Discovery Date:** cost $& and $` and $' and $1 and $$\n- **Discovery Date:** cost $& and $` and $' and $1 and $$\n- **Discovery Date:** Summarize what happened, who was affected and where things stand.",
      "\ufeff\n### IOCs\n\n>```\n>198.51.100.7\n>## Indicators of Compromise\n\n## Executive Summary\n\nFull Report\nBitbucket is investigating a massive outage affecting Atlassian Bitbucket Cloud customers worldwide, with the company saying its cloud services are \"hard down.\" [...]\n\nFull Report\nBitbucket is investigating a massive outage affecting Atlassian Bitbucket Cloud customers worldwide, with the company saying its cloud services are \"hard down.\" [...]",
    ];
    for (const text of texts) assert.doesNotThrow(() => propertyCheck('Fix All keeps every line that is not a placeholder', text), JSON.stringify(text));
  });

  test('Mark Attack-Specific Sections N/A keeps a quoted line that reads like a placeholder: a quote is content', () => {
    const text = '# Incident Report: x\n\n## Timeline of Events\n\n### Lateral Movement\n\n>How the impact was stopped and service restored.\n\nN/A (not an attack)\n';
    const marked = apply(text, markAttackSectionsNotApplicable(text, options, 'r'));
    assert.ok(marked.includes('\n>How the impact was stopped and service restored.\n'), JSON.stringify(marked));
    assert.doesNotThrow(() => propertyCheck('Mark Attack-Specific Sections N/A keeps every line that is not a placeholder', text));
  });

  test('Fix All puts a missing field after indented lines, which a list above them would take in, and grows the report only by the template', () => {
    const text = '\n\n## Incident Details\n\n   ```\n## Indicators of Compromise';
    const fixed = apply(text, fixAll(text, options).edit);
    assert.ok(fixed.includes('## Incident Details\n\n   ```\n## Indicators of Compromise\n'), JSON.stringify(fixed));
    assert.equal(fixed.match(/^## Timeline of Events$/gm)?.length, 1, JSON.stringify(fixed));
    assert.doesNotThrow(() => propertyCheck('no command more than doubles a document (plus one rendered template)', text));
  });

  test('the missing-field fix goes at the top of a section whose indented lines are only inside a fence, and clears its diagnostic', () => {
    const text = '\ufeff\n- **Impact:** Service outage.\n## Impact Assessment\n\n# Incident Details\n\n```\n## Indicators of Compromise\n\n   # Executive Summary';
    assert.doesNotThrow(() => propertyCheck('every quick fix applies and its diagnostic does not come back', text));
  });

  test('a section whose content ends in a fence left open, which starts indented, gets no missing-field fix: after it would be code, above it the fence would join the list', () => {
    const text = '# Incident Report: x\n\n## Incident Details\n\n   ```\nevil.example.com\n\n- **Date/Time:** sometime\n';
    assert.doesNotThrow(() => propertyCheck('every quick fix applies and its diagnostic does not come back', text));
    const missing = analyze(text).diagnostics.filter((found) => found.rule === 'field.missing');
    assert.ok(missing.length > 0 && missing.every((found) => !found.fixes), JSON.stringify(missing));
    const closed = text.replace('- **Date', '   ```\n- **Date');
    assert.ok(analyze(closed).diagnostics.some((found) => found.rule === 'field.missing' && found.fixes), 'once the fence is closed, the fix is offered again');
  });

  test('the property suite runs Mark Section N/A again in the same section, not on the heading the removed lines left the offset on', () => {
    const text = '# Incident Report: x\n\n## Indicators of Compromise\n\nN/A (not an attack)\n\nSummarize what happened, who was affected and where things stand.\n\n# Executive Summary';
    const offset = text.indexOf('Summarize');
    const once = apply(text, markSectionNotApplicableAt(text, offset, options, 'r')?.edit ?? null);
    assert.ok(once.slice(offset).startsWith('# Executive Summary'), JSON.stringify(once));
    assert.doesNotThrow(() => propertyCheck('Mark Section N/A is idempotent', text, offset));
  });

  test('Fix All does not rename a misspelled heading written over two lines, whose second line it would drop', () => {
    const text = '\nExecutive Summary\nTPs\n-';
    assert.doesNotThrow(() => propertyCheck('Fix All keeps every line that is not a placeholder', text));
  });

  test('the property suite counts a blank line of a block quote (only ">") as blank: the N/A commands may replace it with N/A', () => {
    const text = '# Incident Report: x\n\n## Indicators of Compromise\n\n>\n';
    assert.doesNotThrow(() => propertyCheck('Mark Section N/A keeps every line that is not a placeholder', text, text.indexOf('## Indicators')));
    assert.doesNotThrow(() => propertyCheck('Mark Attack-Specific Sections N/A keeps every line that is not a placeholder', text));
  });
});

/** Every regular expression literal of the engine's source (src/core), as `/source/flags` with the flags sorted. */
function engineRegexLiterals(): Set<string> {
  const found = new Set<string>();
  const visitFolder = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visitFolder(path);
      else if (entry.name.endsWith('.ts')) {
        const visit = (node: ts.Node): void => {
          if (ts.isRegularExpressionLiteral(node)) {
            const text = node.text;
            const end = text.lastIndexOf('/');
            found.add(regexKey(text.slice(1, end), text.slice(end + 1)));
          }
          node.forEachChild(visit);
        };
        visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
      }
    }
  };
  visitFolder(join(ROOT, 'src', 'core'));
  return found;
}

const regexKey = (source: string, flags: string) => `/${source}/${[...flags].sort().join('')}`;

/**
 * The engine's own regular expressions that run on a text containing `needle` while `report` is analysed: every
 * execution goes through RegExp.prototype.exec (test, match, replace, split and matchAll call it), so a wrapper sees
 * them all; those of libraries (markdown-it, yaml, chrono) are left out by keeping only literals of src/core.
 */
function engineRegexesReading(report: string, needle: string): RegExp[] {
  const literals = engineRegexLiterals();
  const seen = new Map<string, RegExp>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const key = regexKey(this.source, this.flags);
    if (typeof input === 'string' && input.includes(needle) && literals.has(key)) seen.set(key, this);
    return exec.call(this, input);
  };
  try {
    analyze(report);
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()];
}
