import * as assert from 'node:assert/strict';
import { canFixAll, fixesOf } from '../../src/core/assist/codeActions';
import { fixAll } from '../../src/core/commands/fixAll';
import type { Diagnostic } from '../../src/core/diagnostics';
import { markAttackSectionsNotApplicable, markSectionNotApplicableAt } from '../../src/core/commands/markNotApplicable';
import { firstFreeName, reportFileName } from '../../src/core/project/reportFiles';
import { applyEdits } from '../../src/core/edits/apply';
import { TemplateRegistry } from '../../src/core/template/registry';
import { renderReport } from '../../src/core/template/render';
import { analyze, NOW, only, readProjectFile, rulesOf, VALID_REPORT } from './helpers';

const options = { templates: new TemplateRegistry(), now: NOW };
const REASON = 'outage caused by a failed deployment';
const apply = (text: string, edit: { start: number; end: number; newText: string } | null) => (edit ? applyEdits(text, [edit]) : text);

const OUTAGE_DRAFT = `# Incident Report: Checkout API Outage

## Executive Summary

The checkout API returned errors for 42 minutes after a configuration push.

## Incident Details

- **Discovery Date:** 2024-05-02 14:12 UTC
- **Incident Date:** 2024-05-02 13:58 UTC
- **Affected Organization:** Example Shop

## Timeline of Events

### Initial Access

- **Date/Time:**
- **Vector:** How the attacker got in

### Detection & Response

- **Detection:** Error-rate alert on the checkout service.

## Attack Methodology

## Impact Assessment

- **Operational:** Checkout unavailable for 42 minutes.

## Response Actions

- **Recovery actions:** Rolled back the configuration at 14:40 UTC.

## Lessons Learned

- **Key takeaways:** Configuration pushes need a canary.

## Recommendations

- **Prevention measures for similar incidents:** Stage configuration pushes.
`;

suite('Mark Attack-Specific Sections N/A', () => {
  test('fills empty and placeholder attack sections, inserts missing ones in template order, sets kind, as one edit', () => {
    const edit = markAttackSectionsNotApplicable(OUTAGE_DRAFT, options, REASON);
    assert.ok(edit);
    const after = apply(OUTAGE_DRAFT, edit);
    assert.match(after, /^---\nkind: operational\n---\n\n# Incident Report/);
    assert.match(after, /### Initial Access\n\nN\/A \(outage caused by a failed deployment\)\n\n- \*\*Date\/Time:\*\* N\/A\n- \*\*Vector:\*\* N\/A\n\n### Lateral Movement\n\nN\/A \(outage caused by a failed deployment\)\n\n### Detection & Response/);
    assert.match(after, /## Attack Methodology\n\nN\/A \(outage caused by a failed deployment\)\n\n## Impact Assessment/);
    assert.match(after, /## Indicators of Compromise\n\nN\/A \(outage caused by a failed deployment\)\n\n## Response Actions/);
    const analysis = analyze(after);
    assert.equal(analysis.kind, 'operational');
    assert.deepEqual(rulesOf(analysis).filter((rule) => rule.startsWith('section.')), []);
  });

  test('running it twice changes nothing the second time', () => {
    const once = apply(OUTAGE_DRAFT, markAttackSectionsNotApplicable(OUTAGE_DRAFT, options, REASON));
    assert.equal(markAttackSectionsNotApplicable(once, options, REASON), null);
  });

  test('never touches an attack section that has real content', () => {
    const written = OUTAGE_DRAFT.replace('## Attack Methodology\n', '## Attack Methodology\n\n- **Initial Access:** Valid accounts (stolen token)\n- **Persistence:**\n');
    const after = apply(written, markAttackSectionsNotApplicable(written, options, REASON));
    assert.match(after, /## Attack Methodology\n\n- \*\*Initial Access:\*\* Valid accounts \(stolen token\)\n- \*\*Persistence:\*\*\n\n## Impact Assessment/);
  });

  test('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + OUTAGE_DRAFT.replace(/\n/g, '\r\n');
    const after = apply(crlf, markAttackSectionsNotApplicable(crlf, options, REASON));
    assert.ok(after.startsWith('\uFEFF---\r\nkind: operational\r\n'));
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
    assert.equal(after.replace(/\r\n/g, '\n').slice(1), apply(OUTAGE_DRAFT, markAttackSectionsNotApplicable(OUTAGE_DRAFT, options, REASON)));
  });

  test('replaces kind: security in existing front matter and leaves other keys', () => {
    const text = `---\nkind: security\nstatus: draft\n---\n\n${OUTAGE_DRAFT}`;
    const after = apply(text, markAttackSectionsNotApplicable(text, options, REASON));
    assert.match(after, /^---\nkind: operational\nstatus: draft\n---\n/);
  });

  test('leaves broken front matter alone rather than adding to it', () => {
    const text = `---\nkind: [security\n---\n\n${OUTAGE_DRAFT}`;
    const after = apply(text, markAttackSectionsNotApplicable(text, options, REASON));
    assert.ok(after.startsWith('---\nkind: [security\n---\n'));
    assert.equal(markAttackSectionsNotApplicable(after, options, REASON), null);
  });
});

suite('Mark Section N/A', () => {
  test('marks the empty section at the offset with the reason', () => {
    const offset = OUTAGE_DRAFT.indexOf('## Attack Methodology') + 3;
    const result = markSectionNotApplicableAt(OUTAGE_DRAFT, offset, options, 'no adversary');
    assert.equal(result?.title, 'Attack Methodology');
    assert.match(apply(OUTAGE_DRAFT, result!.edit), /## Attack Methodology\n\nN\/A \(no adversary\)\n\n## Impact Assessment/);
  });

  test('on a section with content, adds the marker on top and fills only empty fields', () => {
    const offset = OUTAGE_DRAFT.indexOf('- **Detection:**');
    const text = OUTAGE_DRAFT.replace('- **Detection:** Error-rate alert on the checkout service.', '- **Detection:** Error-rate alert.\n- **Date/Time:**');
    const result = markSectionNotApplicableAt(text, offset, options, 'x');
    const after = apply(text, result!.edit);
    assert.match(after, /### Detection & Response\n\nN\/A \(x\)\n\n- \*\*Detection:\*\* Error-rate alert\.\n- \*\*Date\/Time:\*\* N\/A\n/);
  });

  test('returns null before the first section', () => {
    assert.equal(markSectionNotApplicableAt(OUTAGE_DRAFT, 0, options, 'x'), null);
  });
});

suite('Fix all', () => {
  test('applies every preferred fix as one edit and leaves only what needs a person', () => {
    const broken = readProjectFile('examples', 'incidents', 'needs-work.md');
    const before = analyze(broken);
    const { edit, applied } = fixAll(broken, options);
    assert.ok(edit && applied.length >= 5, `fixed ${applied.join(', ')}`);
    const after = analyze(apply(broken, edit));
    for (const rule of ['section.misspelled', 'section.order', 'section.missing']) {
      assert.ok(only(before, rule).length > 0, `the example should show ${rule}`);
      assert.deepEqual(only(after, rule), [], `${rule} left after fix all`);
    }
    assert.ok(only(after, 'content.todo').length > 0, 'a TODO needs a person');
    assert.ok(only(after, 'field.invalid-enum').length > 0, 'an enum value with no obvious replacement needs a person');
    assert.doesNotMatch(apply(broken, edit), /TLP:WHITE/);
    assert.equal(fixAll(apply(broken, edit), options).edit, null, 'a second fix all finds nothing more');
  });

  test('returns null for a clean report', () => {
    assert.deepEqual(fixAll(VALID_REPORT, options), { edit: null, applied: [] });
  });
});

suite('code actions', () => {
  const broken = readProjectFile('examples', 'incidents', 'needs-work.md');
  const analysis = analyze(broken);
  const shown = (found: Diagnostic) => ({ source: 'incident-report', code: found.rule, message: found.message, range: found.range });

  test('the fixes of a shown diagnostic are those of the same diagnostic in the analysis', () => {
    const [missing] = only(analysis, 'section.missing');
    assert.ok(missing.fixes && missing.fixes.length > 0);
    assert.deepEqual(fixesOf(analysis, shown(missing)), missing.fixes);
  });

  test('a diagnostic of another source, rule, message or range has none', () => {
    const [missing] = only(analysis, 'section.missing');
    assert.deepEqual(fixesOf(analysis, { ...shown(missing), source: 'markdownlint' }), []);
    assert.deepEqual(fixesOf(analysis, { ...shown(missing), code: 'section.empty' }), []);
    assert.deepEqual(fixesOf(analysis, { ...shown(missing), message: `${missing.message}.` }), []);
    assert.deepEqual(fixesOf(analysis, { ...shown(missing), range: { start: missing.range.start + 1, end: missing.range.end } }), []);
  });

  test('Fix All is offered when a diagnostic has a preferred fix', () => {
    assert.equal(canFixAll(analysis), true);
    assert.equal(canFixAll(analyze(VALID_REPORT)), false);
  });
});

suite('New Report', () => {
  for (const loaded of new TemplateRegistry().list()) {
    test(`the ${loaded.template.id} template renders a report with no structural problems`, () => {
      const text = renderReport(loaded.template, { title: 'Database outage', mode: 'text', notApplicableReason: REASON });
      const analysis = analyze(text);
      assert.equal(analysis.template.id, loaded.template.id);
      assert.equal(analysis.kind, loaded.template.kind);
      const structural = rulesOf(analysis).filter((rule) => rule.startsWith('section.') || rule.startsWith('frontmatter.') || rule === 'field.missing');
      assert.deepEqual(structural, []);
      // Each section as the template left it gets one quiet hint, not a warning per placeholder.
      const unfilled = only(analysis, 'content.unfilled');
      assert.ok(unfilled.length > 0 && unfilled.every((d) => d.severity === 'hint'), 'unfilled sections are hinted at');
      assert.deepEqual(only(analysis, 'content.placeholder'), []);
      assert.ok(unfilled.length <= analysis.report.allSections.length, 'at most one hint per section');
      const started = analyze(text.replace(/^(## .+)\n\n(.+)$/m, '$1\n\nWe know this much.\n\n$2'));
      assert.ok(only(started, 'content.placeholder').length + only(started, 'content.unfilled').length > 0, 'a section begun but not finished still shows its placeholders');
    });
  }

  test('as a snippet, placeholders become numbered tab stops and literal $ is escaped', () => {
    const template = new TemplateRegistry().get('security-incident')!;
    const snippet = renderReport(template, { title: 'Cost $5k', mode: 'snippet', notApplicableReason: REASON });
    assert.match(snippet, /^# Incident Report: Cost \\\$5k$/m);
    assert.match(snippet, /## Executive Summary\n\n\$\{1:Summarize what happened/);
    const stops = [...snippet.matchAll(/\$\{(\d+)[:|}]/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1));
  });

  test('an operational template starts with its attack sections N/A', () => {
    const text = renderReport(new TemplateRegistry().get('operational-outage')!, { title: 'x', mode: 'text', notApplicableReason: REASON });
    assert.match(text, /## Indicators of Compromise\n\nN\/A \(outage caused by a failed deployment\)\n/);
  });

  test('file names are <date>-<slug>.md and never reuse an existing name', async () => {
    assert.equal(reportFileName('Bitbucket: Worldwide Outage (Hard Down)!', new Date(2024, 0, 31, 23, 59)), '2024-01-31-bitbucket-worldwide-outage-hard-down.md');
    assert.equal(reportFileName('Ünïcödé — ✓', new Date(2024, 0, 31, 23, 59)), '2024-01-31-unicode.md');
    assert.equal(reportFileName('!!!', new Date(2024, 0, 31, 23, 59)), '2024-01-31-incident.md');
    const taken = new Set(['a.md', 'a-2.md']);
    assert.equal(await firstFreeName('a.md', async (name) => taken.has(name)), 'a-3.md');
    assert.equal(await firstFreeName('b.md', async (name) => taken.has(name)), 'b.md');
  });
});
