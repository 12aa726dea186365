import * as assert from 'node:assert/strict';
import { analyzeIfReport } from '../../src/core/analysis/detect';
import { markAttackSectionsNotApplicable } from '../../src/core/commands/markNotApplicable';
import { applyEdits } from '../../src/core/edits/apply';
import { timelineToJson } from '../../src/core/output/timeline';
import { analysisOptions } from '../../src/core/project/loader';
import { builtinTemplates, TemplateRegistry } from '../../src/core/template/registry';
import { renderReport } from '../../src/core/template/render';
import type { TemplateSection } from '../../src/core/template/schema';
import { resolveTemplates } from '../../src/core/template/resolve';
import { parseTemplateFile } from '../../src/core/template/templateFile';
import { analyze, loadTestProject, NOW, only, readProjectFile } from './helpers';

const TEMPLATES = '.incident-reports/templates';

/** A team's own form: none of the built-in titles, the same meaning through roles. */
const REVIEW_FORM = `id: internal-review
name: Internal incident review
kind: security
title: "Review: {title}"
sections:
  - title: Key Facts
    role: details
    required: true
    fields:
      - { name: Began, type: date, required: true, role: incident-start }
      - { name: Noticed, type: date, role: discovery }
      - { name: Team, role: organization }
  - title: Chronology
    role: timeline
    required: true
    sections:
      - { title: Break-in, role: attack-phase, attackSpecific: true, fields: [{ name: When, type: date, role: event-time }] }
  - title: Mitigation
    role: response
    required: true
    fields:
      - { name: Stopping it, role: containment }
      - { name: Getting back, role: recovery }
  - title: Techniques Used
    role: methodology
    required: true
    attackSpecific: true
  - title: Follow-ups
    role: actions
    required: true
`;

const REVIEW = `---
template: internal-review
---
# Review: Payroll export leaked

## Key Facts

- **Began:** 2024-04-02 08:00 UTC
- **Noticed:** 2024-04-02 11:30 UTC
- **Team:** Payroll

## Chronology

- 2024-04-02 09:15 UTC — the export job was reconfigured by mistake

### Break-in

- **When:** 2024-04-02 08:00 UTC

## Mitigation

- **Stopping it:**
  - 2024-04-02 12:00 UTC — the public bucket was made private
- **Getting back:**
  - 2024-04-02 15:30 UTC — exports resumed with the fixed job

## Techniques Used

Misconfiguration, not an attacker.
`;

suite('templates', () => {
  test('the bundles hold each built-in template as the template reader reads its YAML file, without a problem', () => {
    const sources = ['security-incident', 'operational-outage', 'sre-postmortem'].map((name) => {
      const { file, diagnostics } = parseTemplateFile(readProjectFile('src', 'core', 'template', 'builtin', `${name}.yaml`));
      assert.deepEqual(diagnostics, [], name);
      assert.ok(file);
      return { file, source: 'builtin' as const };
    });
    const { templates, problems } = resolveTemplates(sources, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(builtinTemplates(), templates);
  });

  test('the built-in templates load, operational-outage through extends', () => {
    assert.deepEqual(
      builtinTemplates().map(({ template, source }) => [template.id, template.kind, source]),
      [
        ['security-incident', 'security', 'builtin'],
        ['operational-outage', 'operational', 'builtin'],
        ['sre-postmortem', 'operational', 'builtin'],
      ],
    );
    const [security, operational] = builtinTemplates().map(({ template }) => template);
    const titles = (sections: readonly TemplateSection[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.sections)]);
    assert.deepEqual(titles(operational.sections), titles(security.sections), 'the same sections');
    const details = operational.sections.find((s) => s.role === 'details')!;
    assert.deepEqual(details.fields.map((f) => f.name), [...security.sections.find((s) => s.role === 'details')!.fields.map((f) => f.name), 'Services Affected']);
    assert.deepEqual(details.fields.find((f) => f.name === 'Incident Status')?.values, ['Investigating', 'Mitigated', 'Resolved', 'Closed']);
    assert.deepEqual(details.fields.find((f) => f.name === 'Incident Date')?.role, 'incident-start', 'roles are inherited');
  });

  test('every section of the security template has a role, and so does every field the engine reads', () => {
    const [security] = builtinTemplates().map(({ template }) => template);
    const missing = (sections: readonly TemplateSection[]): string[] => sections.flatMap((s) => [...(s.role ? [] : [s.title]), ...missing(s.sections)]);
    assert.deepEqual(missing(security.sections), []);
    const fieldRoles = (sections: readonly TemplateSection[]): string[] => sections.flatMap((s) => [...s.fields.flatMap((f) => (f.role ? [f.role] : [])), ...fieldRoles(s.sections)]);
    assert.deepEqual([...new Set(fieldRoles(security.sections))].sort(), ['containment', 'discovery', 'eradication', 'event-time', 'incident-start', 'organization', 'recovery']);
  });

  test('a template with its own titles gets events, metrics, missing sections and the N/A command from its roles', async () => {
    const project = await loadTestProject({ [`${TEMPLATES}/review.yaml`]: REVIEW_FORM });
    assert.deepEqual(project.files.flatMap((file) => file.diagnostics), []);
    const options = analysisOptions(project, NOW, undefined);
    const analysis = analyze(REVIEW, options);
    assert.equal(analysis.template.id, 'internal-review');
    assert.deepEqual(
      analysis.timeline.events.map((event) => [event.at, event.phase, event.text]),
      [
        ['2024-04-02T08:00:00.000Z', 'Key Facts', 'Incident began'],
        ['2024-04-02T08:00:00.000Z', 'Break-in', 'Break-in'],
        ['2024-04-02T09:15:00.000Z', 'Chronology', 'the export job was reconfigured by mistake'],
        ['2024-04-02T11:30:00.000Z', 'Key Facts', 'Incident discovered'],
        ['2024-04-02T12:00:00.000Z', 'Mitigation', 'the public bucket was made private'],
        ['2024-04-02T15:30:00.000Z', 'Mitigation', 'exports resumed with the fixed job'],
      ],
    );
    assert.deepEqual(timelineToJson(analysis.timeline).metrics, {
      timeToDetectSeconds: 3.5 * 3600,
      timeToContainSeconds: 4 * 3600,
      timeToRecoverSeconds: 7.5 * 3600,
      precision: { timeToDetect: 'minute', timeToContain: 'minute', timeToRecover: 'minute' },
    });
    assert.equal(analysis.timeline.metrics.start?.reason, 'incident-start');
    assert.deepEqual(only(analysis, 'section.missing').map((d) => d.message), ['Missing required section "Follow-ups"']);
    const discoveredEarly = analyze(REVIEW.replace('**Noticed:** 2024-04-02 11:30', '**Noticed:** 2024-04-01 11:30'), options);
    assert.deepEqual(only(discoveredEarly, 'dates.discovery-before-incident').map((d) => d.message), ['Noticed (2024-04-01 11:30 UTC) is earlier than Began (2024-04-02 08:00 UTC)']);

    const edit = markAttackSectionsNotApplicable(REVIEW.replace('Misconfiguration, not an attacker.\n', ''), options, 'a mistake');
    const marked = applyEdits(REVIEW.replace('Misconfiguration, not an attacker.\n', ''), [edit!]);
    assert.match(marked, /## Techniques Used\n\nN\/A \(a mistake\)\n/);
    assert.match(marked, /^---\nkind: operational\ntemplate: internal-review\n/);
  });

  test('the report title of a workspace template makes a Markdown file a report', async () => {
    const options = analysisOptions(await loadTestProject({ [`${TEMPLATES}/review.yaml`]: REVIEW_FORM }), NOW, undefined);
    const withoutFrontMatter = REVIEW.slice(REVIEW.indexOf('# Review'));
    assert.equal(analyzeIfReport(withoutFrontMatter, () => false, options)?.template.id, 'security-incident');
    assert.equal(analyzeIfReport(withoutFrontMatter.replace('# Review:', '# Notes:'), () => false, options), undefined);
  });

  test('sre-postmortem scaffolds a report that validates and builds a timeline', () => {
    const registry = new TemplateRegistry();
    const template = registry.get('sre-postmortem')!;
    const scaffold = renderReport(template, { title: 'Cache stampede', mode: 'text', notApplicableReason: 'x' });
    assert.match(scaffold, /^# Postmortem: Cache stampede$/m);
    const fresh = analyze(scaffold);
    assert.equal(fresh.template.id, 'sre-postmortem');
    assert.deepEqual([...new Set(fresh.diagnostics.map((d) => d.rule))], ['content.unfilled']);
    const written = scaffold
      .replace('- **Start:** YYYY-MM-DD HH:MM UTC', '- **Start:** 2015-10-21 14:51 UTC')
      .replace('- **Detected:** YYYY-MM-DD HH:MM UTC', '- **Detected:** 2015-10-21 15:04 UTC')
      .replace('- **Resolved:** YYYY-MM-DD HH:MM UTC', '- **Resolved:** 2015-10-21 16:50 UTC')
      .replace('Each event on its own line, with its date and time.', '- 2015-10-21 15:10 UTC — load shed by rolling back the config push');
    const { timeline } = analyze(written);
    assert.deepEqual(timelineToJson(timeline).metrics, {
      timeToDetectSeconds: 13 * 60,
      timeToContainSeconds: 19 * 60,
      timeToRecoverSeconds: 119 * 60,
      precision: { timeToDetect: 'minute', timeToContain: 'minute', timeToRecover: 'minute' },
    });
  });

  test('extends: a base\'s sections are overridden by title and added to; a workspace template may extend the built-in of its own id', async () => {
    const project = await loadTestProject({
      [`${TEMPLATES}/security.yaml`]: 'id: security-incident\nextends: security-incident\nsections:\n  - title: Executive Summary\n    placeholder: Our own summary prompt.\n  - title: Legal Review\n    required: true\n',
      [`${TEMPLATES}/ours.yaml`]: 'id: ours\nextends: security-incident\nname: Ours\nsections:\n  - title: Incident Details\n    fields:\n      - { name: Ticket, required: true }\n',
    });
    assert.deepEqual(project.files.flatMap((file) => file.diagnostics), []);
    const security = project.templates.get('security-incident')!;
    assert.equal(security.sections[0].placeholder, 'Our own summary prompt.');
    assert.equal(security.sections[0].role, 'summary');
    assert.equal(security.sections.at(-1)?.title, 'Legal Review');
    const ours = project.templates.get('ours')!;
    assert.equal(ours.sections.at(-1)?.title, 'Legal Review', 'the base is the workspace\'s own security-incident');
    assert.deepEqual(ours.sections[1].fields.at(-1), { name: 'Ticket', aliases: [], type: 'text', values: undefined, required: true, placeholder: undefined, role: undefined });
  });

  test('extends: an unknown base and a cycle are template errors on the extends value, and the healthy templates stay', async () => {
    const files = {
      [`${TEMPLATES}/a.yaml`]: 'id: a\nextends: b\n',
      [`${TEMPLATES}/b.yaml`]: 'id: b\nextends: a\n',
      [`${TEMPLATES}/lost.yaml`]: 'id: lost\nextends: nowhere\n',
      [`${TEMPLATES}/fine.yaml`]: 'id: fine\nextends: operational-outage\nname: Fine\n',
    };
    const project = await loadTestProject(files);
    const problems = Object.fromEntries(project.files.map((file) => [file.path.split('/').pop(), file.diagnostics.map((d) => [d.rule, d.message, file.text.slice(d.range.start, d.range.end)])]));
    assert.deepEqual(problems['lost.yaml'], [['template.invalid', '"extends: nowhere" names no template', 'nowhere']]);
    assert.deepEqual(problems['b.yaml'], [['template.invalid', '"extends" makes a cycle: a → b → a', 'a']]);
    assert.deepEqual(problems['a.yaml'], [['template.invalid', '"extends: b" names no template that can be used (it has problems of its own)', 'b']]);
    assert.deepEqual(problems['fine.yaml'], []);
    assert.deepEqual(project.templates.list().map(({ template }) => template.id), ['security-incident', 'operational-outage', 'sre-postmortem', 'fine']);
    assert.equal(project.templates.get('fine')?.kind, 'operational');
  });

  test('a broken template file is reported in that file and never drops the healthy ones', async () => {
    const project = await loadTestProject({
      [`${TEMPLATES}/alias.yaml`]: 'id: broken\nname: x\nkind: security\nsections: [*nowhere]\n',
      [`${TEMPLATES}/cycle.yaml`]: 'id: cyclic\nname: x\nkind: security\nsections: &s [{ title: A, sections: *s }]\n',
      [`${TEMPLATES}/ok.yaml`]: REVIEW_FORM,
      '.incident-report.yaml': 'rules:\n  section.empty: [*x]\nnotApplicableReason: planned maintenance\n',
    });
    const broken = project.files.filter((file) => file.diagnostics.length > 0).map((file) => file.path);
    assert.deepEqual(broken, ['.incident-report.yaml', `${TEMPLATES}/alias.yaml`, `${TEMPLATES}/cycle.yaml`]);
    assert.ok(project.templates.get('internal-review'));
    assert.equal(project.config.notApplicableReason, 'planned maintenance', 'a broken key does not discard the valid ones');
  });

  test('template errors point at the offending YAML node', () => {
    const cases: [string, string, RegExp][] = [
      [REVIEW_FORM.replace('kind: security', 'kind: outage'), 'outage', /expected one of "security", "operational"/],
      [REVIEW_FORM.replace('{ name: Team, role: organization }', '{ name: Team, type: enum }'), '{ name: Team', /"Team": an enum field needs "values"/],
      [REVIEW_FORM.replace('    role: timeline\n', '    role: chronology\n'), 'chronology', /expected one of "summary", "details", "timeline"/],
      [REVIEW_FORM.replace('  - title: Follow-ups\n', '  - title: Follow-ups\n    colour: red\n'), 'colour', /Unknown key "colour"/],
      [REVIEW_FORM.replace('id: internal-review', 'id: Internal Review'), 'Internal Review', /lowercase letters/],
      [REVIEW_FORM.replace('  - title: Follow-ups\n', '  - title: Mitigation\n'), 'Mitigation', /names two sections/],
      [REVIEW_FORM.replace('name: Internal incident review', 'name: [Internal'), '', /YAML syntax error/],
      [REVIEW_FORM.replace('name: Internal incident review\n', ''), 'id: internal-review', /"name" is required in a template that does not extend another/],
    ];
    for (const [text, at, message] of cases) {
      const { file, diagnostics } = parseTemplateFile(text);
      assert.equal(file, undefined);
      assert.ok(diagnostics.length >= 1);
      assert.match(diagnostics[0].message, message);
      assert.equal(diagnostics[0].rule, 'template.invalid');
      if (at) assert.ok(text.slice(diagnostics[0].range.start).startsWith(at), `range starts at "${text.slice(diagnostics[0].range.start, diagnostics[0].range.start + 20)}"`);
    }
  });

  test("an unknown template in front matter falls back to the kind's template and is reported", () => {
    const analysis = analyze('---\nkind: operational\ntemplate: nope\n---\n# Incident Report: x\n');
    assert.equal(analysis.template.id, 'operational-outage');
    assert.ok(analysis.diagnostics.some((d) => d.rule === 'template.unknown' && /known: security-incident, operational-outage, sre-postmortem/.test(d.message)));
  });
});
