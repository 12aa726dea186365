import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/diagnostics';
import { analyze, applyFix, fixTitled, only, rulesOf, single, textAt, VALID_REPORT } from './helpers';

const valid = VALID_REPORT;
const replaced = (from: string | RegExp, to: string) => {
  const changed = valid.replace(from, to);
  assert.notEqual(changed, valid, `mutation ${from} did not apply`);
  return changed;
};
const withoutSection = (title: string) => replaced(new RegExp(`## ${title}\\n[\\s\\S]*?(?=\\n## )`), '');

interface RuleCase {
  readonly rule: string;
  readonly bad: () => string;
  /** Text the diagnostic must cover. */
  readonly at?: string;
  /** The fix to apply; afterwards the rule must be silent. */
  readonly fix?: string | RegExp;
  /** The fix must be the preferred one (the lightbulb's first choice). */
  readonly preferred?: boolean;
}

const cases: RuleCase[] = [
  { rule: 'frontmatter.syntax', bad: () => replaced('tlp: TLP:AMBER', 'tlp: [TLP:AMBER'), at: '' },
  { rule: 'frontmatter.invalid-value', bad: () => replaced('tlp: TLP:AMBER', 'tlp: TLP:WHITE'), at: 'TLP:WHITE', fix: 'Change to "TLP:CLEAR"', preferred: true },
  { rule: 'frontmatter.invalid-value', bad: () => replaced('status: in-review', 'status: Draft'), at: 'Draft', fix: 'Change to "draft"', preferred: true },
  { rule: 'frontmatter.invalid-value', bad: () => replaced('timezone: UTC', 'timezone: Mars/Base'), at: 'Mars/Base' },
  { rule: 'frontmatter.unknown-key', bad: () => replaced('status: in-review\n', 'status: in-review\nowner: alice\n'), at: 'owner', fix: 'Remove "owner"' },
  { rule: 'frontmatter.missing', bad: () => valid.slice(valid.indexOf('# Incident Report')), fix: 'Add front matter', preferred: true },
  { rule: 'template.unknown', bad: () => replaced('template: security-incident', 'template: security-incidnet'), at: 'security-incidnet', fix: 'Use template "security-incident"' },
  { rule: 'section.missing', bad: () => withoutSection('Lessons Learned'), fix: 'Insert section "Lessons Learned"', preferred: true },
  { rule: 'section.missing', bad: () => replaced(/### Initial Access\n[\s\S]*?(?=### Lateral)/, ''), at: '## Timeline of Events', fix: 'Insert section "Initial Access"', preferred: true },
  { rule: 'section.empty', bad: () => replaced(/(## Lessons Learned\n)[\s\S]*?(?=\n## )/, '$1'), at: '## Lessons Learned', fix: /^Add the template's content/, preferred: true },
  { rule: 'section.empty', bad: () => replaced(/(## Lessons Learned\n)[\s\S]*?(?=\n## )/, '$1'), fix: 'Mark "Lessons Learned" N/A' },
  { rule: 'section.order', bad: () => withoutSection('Attack Methodology') + '\n' + valid.match(/## Attack Methodology\n[\s\S]*?(?=\n## )/)![0], at: '## Attack Methodology', fix: /^Move "Attack Methodology"/, preferred: true },
  { rule: 'section.duplicate', bad: () => `${valid}\n## Recommendations\n\nMore.\n`, at: '## Recommendations' },
  { rule: 'section.misspelled', bad: () => replaced('## Lessons Learned', '## Lesons Lerned'), at: 'Lesons Lerned', fix: 'Rename to "Lessons Learned"', preferred: true },
  { rule: 'field.missing', bad: () => replaced(/- \*\*Discovery Date:\*\*.*\n/, ''), at: '## Incident Details', fix: 'Add field "Discovery Date"', preferred: true },
  { rule: 'field.empty', bad: () => replaced('**Affected Organization:** Cloudflare', '**Affected Organization:**'), at: '- **Affected Organization:**' },
  { rule: 'field.invalid-date', bad: () => replaced('**Incident Date:** November 14, 2023', '**Incident Date:** whenever it began'), at: 'whenever it began' },
  { rule: 'field.invalid-enum', bad: () => replaced('**Incident Status:** Contained', '**Incident Status:** contained'), at: 'contained', fix: 'Change to "Contained"', preferred: true },
  { rule: 'field.invalid-enum', bad: () => replaced('**Incident Status:** Contained', '**Incident Status:** Escalated'), at: 'Escalated', fix: 'Change to "Resolved"' },
  { rule: 'dates.discovery-before-incident', bad: () => replaced('**Discovery Date:** November 23, 2023 09:00 UTC', '**Discovery Date:** November 13, 2023 09:00 UTC'), at: 'November 13, 2023 09:00 UTC' },
  { rule: 'content.placeholder', bad: () => replaced('**Sector:** Technology / Internet infrastructure', '**Sector:** Industry sector'), at: 'Industry sector' },
  { rule: 'content.todo', bad: () => replaced('Customer data and the global network were not affected.', 'TBD: customer impact.'), at: 'TBD' },
];

suite('rules: each one fires on a broken report and its fix clears it', () => {
  test('the valid example report has no diagnostics', () => {
    assert.deepEqual(analyze(valid).diagnostics, []);
  });

  for (const c of cases) {
    test(`${c.rule}${c.fix ? ` → ${c.fix}` : ''}`, () => {
      const bad = c.bad();
      const analysis = analyze(bad);
      const found = only(analysis, c.rule);
      assert.equal(found.length, 1, `expected one ${c.rule}: ${analysis.diagnostics.map((d) => `${d.rule}: ${d.message}`).join(' | ')}`);
      const diagnostic = found[0];
      assert.equal(diagnostic.severity, RULES[c.rule as keyof typeof RULES].severity);
      if (c.at !== undefined && c.at !== '') assert.ok(textAt(analysis, diagnostic).startsWith(c.at), `range covers "${textAt(analysis, diagnostic)}", expected "${c.at}"`);
      if (!c.fix) return;
      const fix = fixTitled(diagnostic, c.fix);
      assert.equal(Boolean(fix.isPreferred), Boolean(c.preferred));
      const fixed = analyze(applyFix(bad, fix));
      assert.deepEqual(only(fixed, c.rule), [], `still ${c.rule} after "${fix.title}"`);
      const newErrors = fixed.diagnostics.filter((d) => d.severity === 'error' && !analysis.diagnostics.some((old) => old.rule === d.rule));
      assert.deepEqual(newErrors, [], 'the fix introduced an error');
    });
  }

  test('an inserted missing section lands at its template position', () => {
    const fixed = applyFix(withoutSection('Lessons Learned'), fixTitled(single(analyze(withoutSection('Lessons Learned')), 'section.missing'), /^Insert section/));
    const headings = [...fixed.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.slice(-3), ['Response Actions', 'Lessons Learned', 'Recommendations']);
    assert.match(fixed, /## Lessons Learned\n\n- \*\*Key takeaways:\*\* What this incident taught us\n/);
  });

  test('a moved section keeps its content and the report keeps every line', () => {
    const bad = cases.find((c) => c.rule === 'section.order')!.bad();
    const fixed = applyFix(bad, fixTitled(single(analyze(bad), 'section.order'), /^Move/));
    assert.deepEqual(sortedLines(fixed), sortedLines(bad));
    assert.deepEqual(rulesOf(analyze(fixed)), []);
  });

  test('the TLP:WHITE fix writes TLP:CLEAR in place', () => {
    const bad = replaced('tlp: TLP:AMBER', 'tlp: TLP:WHITE');
    const fixed = applyFix(bad, fixTitled(single(analyze(bad), 'frontmatter.invalid-value'), 'Change to "TLP:CLEAR"'));
    assert.equal(fixed, replaced('tlp: TLP:AMBER', 'tlp: TLP:CLEAR'));
  });

  test('a YAML syntax error is reported at its line', () => {
    const analysis = analyze(replaced('tlp: TLP:AMBER', 'tlp: [TLP:AMBER'));
    const diagnostic = single(analysis, 'frontmatter.syntax');
    assert.ok(analysis.report.lines.positionAt(diagnostic.range.start).line >= 5);
    assert.match(diagnostic.message, /YAML syntax error \(line \d+, column \d+\)/);
  });

  test('a heading far from every template section is left alone', () => {
    assert.deepEqual(analyze(`${valid}\n## Appendix: Raw Logs\n\nSee attachment.\n`).diagnostics, []);
  });
});

suite('rules: kind', () => {
  const allAttackNotApplicable = valid
    .replace(/(### Initial Access\n)[\s\S]*?(?=\n### )/, '$1\nN/A (no attacker)\n')
    .replace(/(### Lateral Movement\n)[\s\S]*?(?=\n### )/, '$1\nN/A\n')
    .replace(/(## Attack Methodology\n)[\s\S]*?(?=\n## )/, '$1\n*This section is marked as Not Applicable (N/A).*\n')
    .replace(/(## Indicators of Compromise\n)[\s\S]*?(?=\n## )/, '$1\nNot applicable.\n');

  test('a security report whose attack sections are all N/A gets "set kind: operational"', () => {
    const analysis = analyze(allAttackNotApplicable);
    const diagnostic = single(analysis, 'kind.attack-sections-not-applicable');
    const fixed = analyze(applyFix(allAttackNotApplicable, fixTitled(diagnostic, 'Set "kind: operational"')));
    assert.equal(fixed.kind, 'operational');
    assert.equal(fixed.kindSource, 'front-matter');
    assert.deepEqual(only(fixed, 'kind.attack-sections-not-applicable'), []);
  });

  test('without kind in front matter, all-N/A attack sections are inferred operational, written ones security', () => {
    const strip = (text: string) => text.replace(/^kind: security\ntemplate: security-incident\n/m, '');
    assert.equal(analyze(strip(allAttackNotApplicable)).kind, 'operational');
    assert.equal(analyze(strip(allAttackNotApplicable)).kindSource, 'inferred');
    assert.equal(analyze(strip(valid)).kind, 'security');
  });

  test('in an operational report a missing attack section is inserted as N/A by the preferred fix', () => {
    const bad = replaced('kind: security\ntemplate: security-incident', 'kind: operational').replace(/## Indicators of Compromise\n[\s\S]*?(?=\n## )/, '');
    const diagnostic = single(analyze(bad), 'section.missing');
    const preferred = diagnostic.fixes!.find((f) => f.isPreferred)!;
    assert.equal(preferred.title, 'Insert "Indicators of Compromise" as N/A');
    assert.match(applyFix(bad, preferred), /## Indicators of Compromise\n\nN\/A \(operational incident, not an attack\)\n\n## Response Actions/);
  });
});

suite('rules: settings and disable comments', () => {
  const bad = valid.replace(/(## Lessons Learned\n)[\s\S]*?(?=\n## )/, '$1');

  test('a rule severity can be changed or turned off', () => {
    assert.equal(single(analyze(bad, { rules: { 'section.empty': 'error' } }), 'section.empty').severity, 'error');
    assert.deepEqual(only(analyze(bad, { rules: { 'section.empty': 'off' } }), 'section.empty'), []);
  });

  test('a disable comment turns a rule off for its section only', () => {
    const inSection = bad.replace('## Lessons Learned\n', '## Lessons Learned\n\n<!-- incident-report-disable section.empty -->\n');
    assert.deepEqual(only(analyze(inSection), 'section.empty'), []);
    const elsewhere = bad.replace('## Recommendations\n', '## Recommendations\n\n<!-- incident-report-disable section.empty -->\n');
    assert.equal(only(analyze(elsewhere), 'section.empty').length, 1);
  });

  test('a disable comment before the first section applies to the whole report; without rules it disables all', () => {
    const top = bad.replace('\n## Executive Summary', '\n<!-- incident-report-disable -->\n\n## Executive Summary');
    assert.deepEqual(analyze(top).diagnostics, []);
  });
});

function sortedLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim()).sort();
}

suite('rules: empty parent section', () => {
  test('an empty Timeline of Events gets its phases from the template, attack phases N/A in an operational report', () => {
    const text = VALID_REPORT.replace('kind: security\ntemplate: security-incident', 'kind: operational').replace(/(## Timeline of Events\n)[\s\S]*?(?=\n## Attack)/, '$1');
    const fix = fixTitled(single(analyze(text), 'section.empty'), 'Add the template\'s content for "Timeline of Events"');
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, fix);
    assert.match(fixed, /## Timeline of Events\n\n### Initial Access\n\nN\/A \(operational incident, not an attack\)\n\n### Lateral Movement\n\nN\/A/);
    assert.match(fixed, /### Detection & Response\n\n- \*\*Date\/Time:\*\*\n- \*\*Detection:\*\* Which alert or report raised the outage\n/);
    assert.deepEqual(only(analyze(fixed), 'section.empty'), []);
    assert.deepEqual(only(analyze(fixed), 'section.missing'), []);
  });
});

suite('rules: dates in fields', () => {
  test('a Date/Time without a year takes the Incident Date\'s year instead of being flagged', () => {
    const text = VALID_REPORT.replace('- **Date/Time:** November 22, 2023', '- **Date/Time:** Nov 22');
    assert.deepEqual(only(analyze(text), 'field.invalid-date'), []);
  });

  test('a date-only Discovery Date on the Incident Date\'s day is not "before" it', () => {
    const sameDay = VALID_REPORT.replace('**Discovery Date:** November 23, 2023 09:00 UTC', '**Discovery Date:** November 14, 2023').replace('**Incident Date:** November 14, 2023', '**Incident Date:** November 14, 2023 18:00 UTC');
    assert.deepEqual(only(analyze(sameDay), 'dates.discovery-before-incident'), []);
    const dayBefore = sameDay.replace('**Discovery Date:** November 14, 2023', '**Discovery Date:** November 13, 2023');
    assert.equal(only(analyze(dayBefore), 'dates.discovery-before-incident').length, 1);
  });
});
