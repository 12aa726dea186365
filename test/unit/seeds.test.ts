import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ROOT, readProjectFile } from './helpers';

const errorsOf = (text: string) => analyze(text).diagnostics.filter((d) => d.severity === 'error');

suite('seed reports', () => {
  for (const seed of ['000-bitbucket-outage.md', '002-proton-outage.md']) {
    test(`${seed}, as written, has no errors and is inferred operational`, () => {
      const text = readProjectFile('test', 'fixtures', 'seeds', seed);
      const analysis = analyze(text);
      assert.deepEqual(errorsOf(text), []);
      assert.equal(analysis.kind, 'operational');
      assert.equal(analysis.kindSource, 'inferred');
      assert.equal(analysis.report.sections.length, 9);
    });
  }

  for (const example of readdirSync(join(ROOT, 'examples', 'incidents'))) {
    if (example === 'needs-work.md') continue;
    test(`examples/incidents/${example} has no errors`, () => {
      assert.deepEqual(errorsOf(readProjectFile('examples', 'incidents', example)), []);
    });
  }

  test('the operational examples made from the seeds are operational', () => {
    for (const example of ['bitbucket-worldwide-outage.md', 'proton-kubernetes-migration-outage.md']) {
      assert.equal(analyze(readProjectFile('examples', 'incidents', example)).kind, 'operational');
    }
  });

  test('the example with deliberate problems shows each kind of problem', () => {
    const rules = new Set<string>(analyze(readProjectFile('examples', 'incidents', 'needs-work.md')).diagnostics.map((d) => d.rule));
    for (const rule of ['frontmatter.invalid-value', 'section.missing', 'section.misspelled', 'section.order', 'section.empty', 'field.empty', 'field.invalid-enum', 'field.invalid-date', 'dates.discovery-before-incident', 'content.todo']) {
      assert.ok(rules.has(rule), `needs-work.md should show ${rule}`);
    }
  });
});
