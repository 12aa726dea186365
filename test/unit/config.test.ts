import * as assert from 'node:assert/strict';
import { matchesReportGlobs, parseConfigFile, resolveConfig } from '../../src/core/project/config';
import { analyzeIfReport } from '../../src/core/analysis/detect';
import { isProjectFile, projectFileGlobs } from '../../src/core/project/loader';
import { TemplateRegistry } from '../../src/core/template/registry';

suite('configuration', () => {
  test('the config file overrides settings rule by rule', () => {
    const { config, diagnostics } = parseConfigFile('rules:\n  section.empty: error\n  content.todo: "off"\nfolder: reports\n');
    assert.deepEqual(diagnostics, []);
    const resolved = resolveConfig({ rules: { 'section.empty': 'hint', 'section.order': 'off' }, folder: 'incidents' }, config);
    assert.deepEqual(resolved.rules, { 'section.empty': 'error', 'section.order': 'off', 'content.todo': 'off' });
    assert.equal(resolved.folder, 'reports');
    assert.equal(resolved.templates, '.incident-reports/templates');
  });

  test('unknown rules, bad severities and unknown keys are reported where they stand', () => {
    const text = 'rules:\n  section.emtpy: error\n  content.todo: loud\ncolour: red\n';
    const { diagnostics } = parseConfigFile(text);
    const at = (needle: string) => diagnostics.find((d) => text.slice(d.range.start).startsWith(needle));
    assert.match(at('section.emtpy')!.message, /Unknown rule/);
    assert.match(at('loud')!.message, /expected one of/);
    assert.match(at('colour')!.message, /Unknown key "colour"/);
  });

  test('the project files are the config file and the YAML files directly in the templates folder, whatever it is named', () => {
    const defaults = resolveConfig({});
    assert.deepEqual(projectFileGlobs(defaults), ['.incident-report.yaml', '.incident-reports/templates/*.{yaml,yml}']);
    assert.equal(isProjectFile('.incident-report.yaml', defaults), true);
    assert.equal(isProjectFile('.incident-reports/templates/postmortem.yml', defaults), true);
    assert.equal(isProjectFile('.incident-reports\\templates\\postmortem.YAML', defaults), true);
    assert.equal(isProjectFile('.incident-reports/templates/old/postmortem.yaml', defaults), false);
    assert.equal(isProjectFile('.incident-reports/templates/README.md', defaults), false);
    assert.equal(isProjectFile('docs/.incident-report.yaml', defaults), false);
    const atRoot = resolveConfig({ templates: './' });
    assert.deepEqual(projectFileGlobs(atRoot), ['.incident-report.yaml', '*.{yaml,yml}']);
    assert.equal(isProjectFile('postmortem.yaml', atRoot), true);
    assert.equal(isProjectFile('ci/build.yaml', atRoot), false);
    assert.deepEqual(projectFileGlobs(resolveConfig({ templates: './tpl/' })), ['.incident-report.yaml', 'tpl/*.{yaml,yml}']);
  });

  test('report globs match workspace-relative paths', () => {
    assert.equal(matchesReportGlobs('incidents/2024/outage.md', ['**/incidents/**/*.md']), true);
    assert.equal(matchesReportGlobs('docs/incidents/x.md', ['**/incidents/**/*.md']), true);
    assert.equal(matchesReportGlobs('docs\\incidents\\x.md', ['**/incidents/**/*.md']), true);
    assert.equal(matchesReportGlobs('README.md', ['**/incidents/**/*.md']), false);
  });

  test('only reports are analysed: front matter kind/template, an "Incident Report:" title, or a glob match', () => {
    const options = { templates: new TemplateRegistry() };
    assert.ok(analyzeIfReport('---\nkind: operational\n---\n# Notes\n', () => false, options));
    assert.ok(analyzeIfReport('Incident Report: Setext\n=====\n', () => false, options));
    assert.ok(analyzeIfReport('# Meeting notes\n', () => true, options));
    assert.equal(analyzeIfReport('# Meeting notes\n\n## Executive Summary\n', () => false, options), undefined);
    assert.equal(analyzeIfReport('```\n# Incident Report: in a fence\n```\n', () => false, options), undefined);
  });

  test('the report globs are asked only when the content does not say, and at most once', () => {
    const options = { templates: new TemplateRegistry() };
    const asked = (text: string, answer: boolean) => {
      let count = 0;
      const analysis = analyzeIfReport(text, () => (count++, answer), options);
      return { isReport: analysis !== undefined, count };
    };
    assert.deepEqual(asked('---\nkind: operational\n---\n# Notes\n', false), { isReport: true, count: 0 });
    assert.deepEqual(asked('# Meeting notes\n', true), { isReport: true, count: 1 });
    assert.deepEqual(asked('# Meeting notes\n', false), { isReport: false, count: 1 });
    // Looks like a report at first sight, but the title is in a fence: the globs decide, once.
    assert.deepEqual(asked('```\n# Incident Report: in a fence\n```\n', true), { isReport: true, count: 1 });
  });
});
