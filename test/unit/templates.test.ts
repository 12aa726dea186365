import * as assert from 'node:assert/strict';
import { parseTemplateFile, TemplateRegistry } from '../../src/core/template/registry';
import { analyze } from './helpers';

const POSTMORTEM = `id: sre-postmortem
name: SRE postmortem
kind: operational
title: "Postmortem: {title}"
sections:
  - title: Summary
    required: true
  - title: Impact
    required: true
    fields:
      - { name: Severity, type: enum, values: [SEV1, SEV2, SEV3], required: true }
      - { name: Start, type: date, required: true }
  - title: Root Cause
    aliases: [Cause]
    required: true
`;

suite('templates', () => {
  test('the built-in templates load', () => {
    assert.deepEqual(new TemplateRegistry().list().map((t) => [t.template.id, t.template.kind, t.source]), [
      ['security-incident', 'security', 'builtin'],
      ['operational-outage', 'operational', 'builtin'],
    ]);
  });

  test('a workspace template validates reports that name it', () => {
    const { template, diagnostics } = parseTemplateFile(POSTMORTEM);
    assert.deepEqual(diagnostics, []);
    const templates = new TemplateRegistry([{ template: template!, source: 'file:///w/.incident-reports/templates/sre.yaml' }]);
    const report = '---\ntemplate: sre-postmortem\n---\n\n# Postmortem: Cache stampede\n\n## Summary\n\nText.\n\n## Impact\n\n- **Severity:** SEV9\n- **Start:** 2024-06-01 10:00 UTC\n\n## Cause\n\nA cold cache.\n';
    const analysis = analyze(report, { templates });
    assert.equal(analysis.template.id, 'sre-postmortem');
    assert.equal(analysis.kind, 'operational');
    assert.equal(analysis.kindSource, 'template');
    assert.deepEqual(analysis.diagnostics.map((d) => [d.rule, d.message]), [['field.invalid-enum', '"Severity" must be one of SEV1, SEV2, SEV3']]);
  });

  test('a workspace template with a built-in id replaces the built-in', () => {
    const { template } = parseTemplateFile(POSTMORTEM.replace('id: sre-postmortem', 'id: operational-outage'));
    const registry = new TemplateRegistry([{ template: template!, source: 'w' }]);
    assert.equal(registry.get('operational-outage')?.name, 'SRE postmortem');
    assert.equal(registry.list().length, 2);
  });

  test('template errors point at the offending YAML node', () => {
    const cases: [string, string, RegExp][] = [
      [POSTMORTEM.replace('kind: operational', 'kind: outage'), 'outage', /expected one of "security", "operational"/],
      [POSTMORTEM.replace('type: enum, values: [SEV1, SEV2, SEV3], ', 'type: enum, '), '{ name: Severity', /An enum field needs "values"/],
      [POSTMORTEM.replace('    aliases: [Cause]\n', '    aliases: [Cause]\n    colour: red\n'), 'colour', /Unknown key "colour"/],
      [POSTMORTEM.replace('id: sre-postmortem', 'id: SRE Postmortem'), 'SRE Postmortem', /lowercase letters/],
      [POSTMORTEM.replace('  - title: Root Cause\n', '  - title: Impact\n'), 'Impact', /names two sections/],
      [POSTMORTEM.replace('name: SRE postmortem', 'name: [SRE postmortem'), '', /YAML syntax error/],
    ];
    for (const [text, at, message] of cases) {
      const { template, diagnostics } = parseTemplateFile(text);
      assert.equal(template, undefined);
      assert.ok(diagnostics.length >= 1);
      assert.match(diagnostics[0].message, message);
      assert.equal(diagnostics[0].rule, 'template.invalid');
      if (at) assert.ok(text.slice(diagnostics[0].range.start).startsWith(at), `range starts at "${text.slice(diagnostics[0].range.start, diagnostics[0].range.start + 20)}"`);
    }
  });

  test('an unknown template in front matter falls back to the kind\'s template and is reported', () => {
    const analysis = analyze('---\nkind: operational\ntemplate: nope\n---\n# Incident Report: x\n');
    assert.equal(analysis.template.id, 'operational-outage');
    assert.ok(analysis.diagnostics.some((d) => d.rule === 'template.unknown' && /known: security-incident, operational-outage/.test(d.message)));
  });
});
