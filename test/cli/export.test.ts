import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportExport } from '../../src/core/output/exportSchema';
import { CLEAN_REPORT, ERROR_REPORT, NOTES } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';
import { reportValidator } from './schemaValidators';

/** 1-based line of the first line that is exactly `line`. */
function lineNumber(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, `no line "${line}"`);
  return index + 1;
}

const WITHOUT_LATERAL_MOVEMENT = CLEAN_REPORT.replace('### Lateral Movement\n\nN/A (operational incident, not an attack)\n\n', '');
const UNDATED_DETECTION = CLEAN_REPORT.replace('- **Date/Time:** 2024-03-14 09:40 UTC', '- **Date/Time:** Unknown');

suite('export', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({
      'incidents/clean.md': CLEAN_REPORT,
      'incidents/error.md': ERROR_REPORT,
      'incidents/no-lateral.md': WITHOUT_LATERAL_MOVEMENT,
      'incidents/undated.md': UNDATED_DETECTION,
      'notes.md': NOTES,
    });
  });
  teardown(() => folder.dispose());

  function exported(file: string): ReportExport {
    const run = cli(['export', file], folder.path);
    assertNoCrash(run);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ReportExport;
  }

  test('validates against schemas/report.schema.json', () => {
    const validate = reportValidator();
    for (const file of ['incidents/clean.md', 'incidents/error.md', 'incidents/no-lateral.md', 'incidents/undated.md', 'notes.md']) {
      assert.ok(validate(exported(file)), `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
    assert.equal(validate({ ...exported('incidents/clean.md'), kind: 'other' }), false);
  });

  test('the report: kind, template, front matter, fields, sections, timeline and metrics', () => {
    const report = exported('incidents/clean.md');
    assert.equal(report.file, 'incidents/clean.md');
    assert.equal(report.kind, 'operational');
    assert.equal(report.template, 'operational-outage');
    assert.deepEqual(report.frontMatter, { kind: 'operational', template: 'operational-outage', status: 'final', severity: 'SEV2', tlp: 'TLP:CLEAR', timezone: 'UTC' });
    assert.equal(report.fields['Discovery Date'], '2024-03-14 09:40 UTC');
    assert.equal(report.fields['Incident Status'], 'Resolved');
    assert.equal(report.fields['Data Exfiltration/Impact > Date/Time'], '2024-03-14 09:25 UTC');
    assert.equal(report.fields['Detection & Response > Date/Time'], '2024-03-14 09:40 UTC');
    assert.equal(report.fields['Date/Time'], undefined);
    assert.deepEqual(report.sections.slice(0, 5), [
      { title: 'Executive Summary', level: 2, line: lineNumber(CLEAN_REPORT, '## Executive Summary'), state: 'filled' },
      { title: 'Incident Details', level: 2, line: lineNumber(CLEAN_REPORT, '## Incident Details'), state: 'filled' },
      { title: 'Timeline of Events', level: 2, line: lineNumber(CLEAN_REPORT, '## Timeline of Events'), state: 'filled' },
      { title: 'Initial Access', level: 3, line: lineNumber(CLEAN_REPORT, '### Initial Access'), state: 'not-applicable' },
      { title: 'Lateral Movement', level: 3, line: lineNumber(CLEAN_REPORT, '### Lateral Movement'), state: 'not-applicable' },
    ]);
    assert.equal(report.sections.length, 13);
    assert.deepEqual(report.timeline.events[0], {
      at: '2024-03-14T09:25:00.000Z',
      end: null,
      precision: 'minute',
      text: 'Incident began',
      phase: 'Incident Details',
      line: lineNumber(CLEAN_REPORT, '- **Incident Date:** 2024-03-14 09:25 UTC'),
    });
    const times = report.timeline.events.map((event) => event.at);
    assert.deepEqual(times, [...times].sort());
    assert.deepEqual(report.timeline.metrics, {
      timeToDetectSeconds: 15 * 60,
      timeToContainSeconds: 40 * 60,
      timeToRecoverSeconds: 95 * 60,
      precision: { timeToDetect: 'minute', timeToContain: 'minute', timeToRecover: 'minute' },
    });
    assert.deepEqual(report.diagnostics, []);
  });

  test('a missing section has state "missing" and the line where it would be inserted', () => {
    const topLevel = exported('incidents/error.md').sections.at(-1);
    assert.deepEqual(topLevel, { title: 'Recommendations', level: 2, line: ERROR_REPORT.split('\n').length, state: 'missing' });
    const nested = exported('incidents/no-lateral.md').sections.find((section) => section.title === 'Lateral Movement');
    assert.deepEqual(nested, { title: 'Lateral Movement', level: 3, line: lineNumber(WITHOUT_LATERAL_MOVEMENT, '### Data Exfiltration/Impact'), state: 'missing' });
  });

  test('diagnostics are 1-based, with the rule and severity', () => {
    const [missing] = exported('incidents/error.md').diagnostics;
    assert.deepEqual(missing, {
      rule: 'section.missing',
      severity: 'error',
      message: 'Missing required section "Recommendations"',
      line: lineNumber(ERROR_REPORT, '# Incident Report: Checkout outage after a database migration'),
      column: 1,
      endLine: lineNumber(ERROR_REPORT, '# Incident Report: Checkout outage after a database migration'),
      endColumn: 62,
    });
  });

  test('undated events come last', () => {
    const { events } = exported('incidents/undated.md').timeline;
    const undated = events.findIndex((event) => event.at === null);
    assert.ok(undated > 0);
    assert.ok(events.slice(undated).every((event) => event.at === null));
    assert.ok(events.some((event) => event.at === null && event.phase === 'Detection & Response'));
  });

  test('a named file is exported as a report even when it does not look like one', () => {
    const notes = exported('notes.md');
    assert.equal(notes.frontMatter, null);
    assert.ok(notes.sections.every((section) => section.state === 'missing'));
    assert.ok(notes.diagnostics.some((d) => d.rule === 'section.missing'));
  });

  test('usage and read errors exit 2 with one line', () => {
    mkdirSync(join(folder.path, 'folder.md'));
    for (const [args, stderr] of [
      [['export'], 'incident-report export: give the report file (see "incident-report export --help")\n'],
      [['export', 'a.md', 'b.md'], 'incident-report export: give one report file (see "incident-report export --help")\n'],
      [['export', '--format', 'yaml', 'incidents/clean.md'], 'incident-report export: --format must be one of json, stix, attack-navigator, not "yaml" (see "incident-report export --help")\n'],
      [['export', 'folder.md'], 'incident-report: cannot read folder.md: it is a folder\n'],
      [['export', 'gone.md'], 'incident-report: cannot read gone.md: no such file\n'],
    ] as const) {
      const run = cli(args, folder.path);
      assert.deepEqual([run.status, run.stdout, run.stderr], [2, '', stderr], args.join(' '));
    }
  });
});

suite('timeline', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({ 'incidents/clean.md': CLEAN_REPORT });
  });
  teardown(() => folder.dispose());

  test('json: the events and metrics of the export', () => {
    const timeline = JSON.parse(cli(['timeline', '--format', 'json', 'incidents/clean.md'], folder.path).stdout);
    const exported = JSON.parse(cli(['export', 'incidents/clean.md'], folder.path).stdout) as ReportExport;
    assert.deepEqual(timeline, exported.timeline);
    assert.equal(timeline.events.length, 6);
  });

  test('text: one line per event in time order, then what the metrics are measured from and the metrics', () => {
    const run = cli(['timeline', 'incidents/clean.md'], folder.path);
    assert.equal(run.status, 0);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Timeline (times in UTC)');
    assert.match(lines[2], /^2024-03-14 09:25 {2}Incident Details +Incident began$/);
    assert.match(lines[7], /^2024-03-14 11:00 {2}Response Actions +Recovery actions: Rolled back the migration/);
    assert.deepEqual(lines.slice(-5), ['Measured from:   2024-03-14 09:25, when the incident began', 'Time to detect:  15 min', 'Time to contain: 40 min', 'Time to recover: 1 h 35 min', '']);
  });

  test('mermaid: a fenced timeline block titled after the report', () => {
    const run = cli(['timeline', '-f', 'mermaid', 'incidents/clean.md'], folder.path);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^```mermaid\ntimeline\n {4}title Incident Report#58; Checkout outage after a database migration\n/);
    assert.match(run.stdout, /\n {4}section Response Actions\n/);
    assert.match(run.stdout, /\n```\n$/);
  });

  test('mermaid-gantt: a fenced gantt block, a milestone per time', () => {
    const run = cli(['timeline', '-f', 'mermaid-gantt', 'incidents/clean.md'], folder.path);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^```mermaid\ngantt\n {4}title Incident Report#58; Checkout outage after a database migration \(times in UTC\)\n {4}dateFormat YYYY-MM-DD HH:mm\n/);
    assert.match(run.stdout, /\n {4}Incident began : milestone, e0, 2024-03-14 09:25, 0m\n/);
  });

  test('an unknown format is a usage error', () => {
    const run = cli(['timeline', '--format', 'svg', 'incidents/clean.md'], folder.path);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'incident-report timeline: --format must be one of text, json, mermaid, mermaid-gantt, not "svg" (see "incident-report timeline --help")\n');
  });
});
