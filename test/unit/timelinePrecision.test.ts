import * as assert from 'node:assert/strict';
import { analyzeIfReport } from '../../src/core/analysis/detect';
import { matchesReportGlobs } from '../../src/core/project/config';
import { timelineToJson } from '../../src/core/output/timeline';
import { TemplateRegistry } from '../../src/core/template/registry';
import { axisLayout } from '../../src/core/timeline/axis';
import { metricLines, startLine } from '../../src/core/timeline/format';
import type { Timeline } from '../../src/core/timeline/types';
import { analyze, applyFix, NOW, only, single, textAt } from './helpers';

/** A security report to vary: its dates and timeline lines are the arguments. */
function report(options: { frontMatter?: string; details?: string; timeline?: string; response?: string }): string {
  return `---
kind: security
${options.frontMatter ?? 'timezone: UTC'}
---
# Incident Report: Test

## Incident Details

${options.details ?? '- **Incident Date:** 2023-11-14\n- **Discovery Date:** 2023-11-23 09:00 UTC'}

## Timeline of Events

${options.timeline ?? ''}

## Response Actions

${options.response ?? ''}
`;
}

const metricsOf = (timeline: Timeline) => Object.fromEntries(metricLines(timeline).map((line) => [line.name, line.value]));
const events = (timeline: Timeline) => timeline.events.map((event) => [event.at, event.precision, event.text]);

suite('timeline: dates keep their precision', () => {
  test('a day without a time is the whole day: contained on November 23 does not contradict detected November 23 09:00', () => {
    const analysis = analyze(report({ response: '- **Containment measures:** Access revoked on November 23, 2023.' }));
    assert.deepEqual(only(analysis, 'timeline.metrics-contradiction'), []);
    assert.deepEqual(metricsOf(analysis.timeline), { 'Time to detect': '9 d', 'Time to contain': '9 d', 'Time to recover': '—' });
    assert.deepEqual(timelineToJson(analysis.timeline).metrics.precision, { timeToDetect: 'day', timeToContain: 'day', timeToRecover: null });
  });

  test('a metric is written only as finely as its coarser end: minutes when both have times, days when one is a day', () => {
    const analysis = analyze(
      report({
        details: '- **Incident Date:** 2023-11-14 09:00 UTC\n- **Discovery Date:** 2023-11-23 15:30 UTC',
        response: '- **Containment measures:** Access revoked on November 23, 2023.\n- **Recovery actions:** Back online at 2023-11-24 18:00 UTC.',
      }),
    );
    assert.deepEqual(metricsOf(analysis.timeline), { 'Time to detect': '9 d 6 h', 'Time to contain': '9 d', 'Time to recover': '10 d 9 h' });
    assert.equal(startLine(analysis.timeline), '2023-11-14 09:00, when the incident began');
  });

  test('a month with its year is a month-precision event, and a metric from it is counted in months', () => {
    const analysis = analyze(report({ details: '- **Incident Date:** October 2023\n- **Discovery Date:** 2024-01-17 10:00 UTC' }));
    assert.deepEqual(events(analysis.timeline)[0], ['2023-10-01T00:00:00.000Z', 'month', 'Incident began']);
    assert.deepEqual(only(analysis, 'field.invalid-date'), []);
    assert.equal(metricsOf(analysis.timeline)['Time to detect'], '3 mo');
  });

  test('dates that overlap at their precision are never out of order; ones that do not overlap are', () => {
    const overlapping = analyze(report({ timeline: '- November 20, 2023 14:00 UTC — the attacker moved.\n- November 20, 2023 — the attacker explored the wiki.' }));
    assert.deepEqual(only(overlapping, 'timeline.out-of-order'), []);
    const apart = analyze(report({ timeline: '- November 20, 2023 14:00 UTC — the attacker moved.\n- November 19, 2023 — the attacker explored the wiki.' }));
    assert.equal(textAt(apart, single(apart, 'timeline.out-of-order')), 'November 19, 2023');
  });

  test('contained before detected at every reading is a metrics contradiction, with both dates named', () => {
    const analysis = analyze(report({ response: '- **Containment measures:** Access revoked on November 20, 2023.' }));
    const found = single(analysis, 'timeline.metrics-contradiction');
    assert.equal(found.severity, 'error');
    assert.match(found.message, /contained \("November 20, 2023", line \d+\) before it is detected \("2023-11-23 09:00 UTC", line \d+\)/);
  });

  test('recovered before contained is one too', () => {
    const analysis = analyze(report({ response: '- **Containment measures:** Rolled back at 2023-11-23 12:00 UTC.\n- **Recovery actions:** Restored at 2023-11-23 10:00 UTC.' }));
    assert.match(single(analysis, 'timeline.metrics-contradiction').message, /^Service is recovered \("2023-11-23 10:00 UTC", line \d+\) before the incident is contained/);
  });

  test('without a start date, the earliest attack or impact event is the start; a detection before it is reported, naming it', () => {
    const analysis = analyze(
      report({
        details: '- **Incident Date:** Unknown\n- **Discovery Date:** 2023-11-20 09:00 UTC',
        timeline: '### Data Exfiltration/Impact\n\n- **Date/Time:** 2023-11-22 08:00 UTC\n- **Impact:** Files were copied out.',
      }),
    );
    assert.equal(analysis.timeline.metrics.start?.reason, 'earliest-attack-or-impact');
    assert.match(startLine(analysis.timeline)!, /^2023-11-22 08:00, the earliest attack or impact event \(Data Exfiltration\/Impact\), as no date says when the incident began$/);
    assert.match(single(analysis, 'timeline.metrics-contradiction').message, /^Time to detect is negative: the detection \("2023-11-20 09:00 UTC", line \d+\) comes before the earliest attack or impact event/);
    assert.equal(metricsOf(analysis.timeline)['Time to detect'], '−1 d 23 h');
  });

  test('a field value with a numeric offset reads the offset as an offset ("11:40 +05:30 on 2021-02-24")', () => {
    const analysis = analyze(report({ details: '- **Incident Date:** 11:40 +05:30 on 2021-02-24\n- **Discovery Date:** 2021-02-24 07:00 UTC' }));
    assert.equal(analysis.timeline.events[0].at, '2021-02-24T06:10:00.000Z');
    assert.equal(metricsOf(analysis.timeline)['Time to detect'], '50 min');
  });

  test('a range within one month keeps its end ("March 22 – 23, 2019"), and its end counts for the time to recover', () => {
    const analysis = analyze(report({ details: '- **Incident Date:** March 22, 2019\n- **Discovery Date:** March 22, 2019', response: '- **Recovery actions:** Systems restored over March 22 – 23, 2019.' }));
    const recovery = analysis.timeline.events.find((event) => event.text.startsWith('Recovery'))!;
    assert.deepEqual([recovery.at, recovery.end], ['2019-03-22T00:00:00.000Z', '2019-03-23T00:00:00.000Z']);
    assert.equal(metricsOf(analysis.timeline)['Time to recover'], '1 d');
  });

  test('a line that says both "rolled back" and "back online" is a containment and a recovery step', () => {
    const analysis = analyze(report({ timeline: '- 2023-11-23 12:00 UTC — the deployment was rolled back and the API was back online.' }));
    const { timeToContain, timeToRecover } = analysis.timeline.metrics;
    assert.equal(timeToContain?.to, '2023-11-23T12:00:00.000Z');
    assert.equal(timeToRecover?.to, '2023-11-23T12:00:00.000Z');
  });

  test('one invalid front matter value does not discard a valid timezone', () => {
    const analysis = analyze(report({ frontMatter: 'tlp: TLP:PURPLE\ntimezone: America/New_York', details: '- **Incident Date:** 2023-11-14 09:00\n- **Discovery Date:** 2023-11-14 10:00' }));
    assert.ok(only(analysis, 'frontmatter.invalid-value').length === 1);
    assert.equal(analysis.timeline.timezone, 'America/New_York');
    assert.equal(analysis.timeline.events[0].at, '2023-11-14T14:00:00.000Z');
  });
});

suite('timeline: tables, dated sub-headings and midnight', () => {
  test('a timeline table: the Date and Time cells make one instant, the zone of the Time column header applies, each row keeps its line', () => {
    const table = '| Date | Time (UTC) | Event |\n|---|---|---|\n| 2023-11-14 | 22:10 | The attacker logged in |\n| 2023-11-15 | 11:52 | An alert fired |\n| 2023-11-15 | 13:30 | Access revoked |';
    const analysis = analyze(report({ frontMatter: 'timezone: America/Los_Angeles', details: '- **Incident Date:** Unknown', timeline: table }));
    const rows = analysis.timeline.events.filter((event) => event.phase === 'Timeline of Events');
    assert.deepEqual(
      rows.map((event) => [event.at, event.precision, event.text, event.line + 1]),
      [
        ['2023-11-14T22:10:00.000Z', 'minute', 'The attacker logged in', 15],
        ['2023-11-15T11:52:00.000Z', 'minute', 'An alert fired', 16],
        ['2023-11-15T13:30:00.000Z', 'minute', 'Access revoked', 17],
      ],
    );
    assert.deepEqual(only(analysis, 'timeline.missing-timezone'), [], 'the zone of the column counts as written');
    assert.deepEqual(metricsOf(analysis.timeline), { 'Time to detect': '13 h 42 min', 'Time to contain': '15 h 20 min', 'Time to recover': '—' });
  });

  test('a zone in a column header wins over the report\'s: "Time (PT)" and "Timestamp (+02:00)"; a Phase column gives the phase', () => {
    const pacific = '| Date | Time (PT) | What happened |\n|---|---|---|\n| 2024-07-19 | 09:00 | Deployment started |';
    assert.equal(analyze(report({ timeline: pacific })).timeline.events.find((e) => e.text === 'Deployment started')?.at, '2024-07-19T16:00:00.000Z');
    const offset = '| Timestamp (+02:00) | Phase | Description |\n|---|---|---|\n| 2024-07-19 09:00 | Impact | Checkout failed |';
    const event = analyze(report({ timeline: offset })).timeline.events.find((e) => e.text === 'Checkout failed')!;
    assert.deepEqual([event.at, event.phase], ['2024-07-19T07:00:00.000Z', 'Impact']);
  });

  test('times under a dated sub-heading take its date, whatever its level and format, and every line beneath counts for the metrics', () => {
    const timeline = [
      '### 2018-10-22',
      '',
      '- 22:52 UTC — a network partition starts; writes fail.',
      '- 23:13 UTC — the incident is escalated.',
      '',
      '#### Wednesday, 24 October 2018',
      '',
      '- 01:40 UTC — writes are blocked to contain the damage.',
      '- 23:03 UTC — service restored.',
    ].join('\n');
    const analysis = analyze(report({ details: '- **Incident Date:** 2018-10-22 22:52 UTC\n- **Discovery Date:** Unknown', timeline }));
    assert.deepEqual(
      analysis.timeline.events.filter((event) => event.phase === 'Timeline of Events').map((event) => event.at),
      ['2018-10-22T22:52:00.000Z', '2018-10-22T23:13:00.000Z', '2018-10-24T01:40:00.000Z', '2018-10-24T23:03:00.000Z'],
    );
    assert.deepEqual(metricsOf(analysis.timeline), { 'Time to detect': '—', 'Time to contain': '1 d 2 h', 'Time to recover': '2 d 0 h' });
  });

  test('23:50 then 00:10 with no date between: the second is the next day, with a note, and nothing is out of order', () => {
    const timeline = '### 2024-03-01\n\n- 23:50 UTC — the database failed.\n- 00:10 UTC — service restored from a replica.';
    const analysis = analyze(report({ details: '- **Incident Date:** 2024-03-01 23:50 UTC\n- **Discovery Date:** 2024-03-01 23:55 UTC', timeline }));
    const restored = analysis.timeline.events.find((event) => event.text.startsWith('service restored'))!;
    assert.equal(restored.at, '2024-03-02T00:10:00.000Z');
    const note = single(analysis, 'timeline.next-day');
    assert.equal(note.severity, 'information');
    assert.equal(textAt(analysis, note), '00:10 UTC');
    assert.match(note.message, /"00:10 UTC" is earlier than "23:50 UTC" on line \d+: it is read on the next day, 2024-03-02/);
    assert.deepEqual(only(analysis, 'timeline.out-of-order'), []);
    assert.equal(metricsOf(analysis.timeline)['Time to recover'], '20 min');
  });

  test('a time that would be more than 12 hours later on the next day is not moved: it stays out of order', () => {
    const analysis = analyze(report({ timeline: '### 2024-03-01\n\n- 23:50 UTC — the database failed.\n- 12:30 UTC — the alert fired.' }));
    assert.deepEqual(only(analysis, 'timeline.next-day'), []);
    assert.equal(only(analysis, 'timeline.out-of-order').length, 1);
  });
});

suite('timeline: zone abbreviations', () => {
  test('CST, IST, BST … are read, warned about, and fixed by writing the offset meant', () => {
    const analysis = analyze(report({ details: '- **Incident Date:** 2023-11-14 09:12 IST\n- **Discovery Date:** 2023-11-14 12:00 UTC' }));
    const warning = single(analysis, 'timeline.ambiguous-timezone');
    assert.equal(textAt(analysis, warning), 'IST');
    assert.match(warning.message, /read as India Standard Time \(UTC\+05:30\), not Israel Standard Time \(UTC\+02:00\) or Irish Standard Time \(UTC\+01:00\)/);
    assert.deepEqual(warning.fixes?.map((fix) => fix.title), ['Write +05:30 (India Standard Time)', 'Write +02:00 (Israel Standard Time)', 'Write +01:00 (Irish Standard Time)']);
    const fixed = analyze(applyFix(analysis.report.text, warning.fixes![1]));
    assert.deepEqual(only(fixed, 'timeline.ambiguous-timezone'), []);
    assert.equal(fixed.timeline.events[0].at, '2023-11-14T07:12:00.000Z');
  });

  test('the common abbreviations are read without a word; ET follows summer time', () => {
    for (const [zone, at] of [['ET', '2024-07-19T14:00:00.000Z'], ['PT', '2024-07-19T17:00:00.000Z'], ['CEST', '2024-07-19T08:00:00.000Z'], ['GMT', '2024-07-19T10:00:00.000Z']]) {
      const analysis = analyze(report({ details: `- **Incident Date:** 2024-07-19 10:00 ${zone}\n- **Discovery Date:** 2024-07-20` }));
      assert.equal(analysis.timeline.events[0].at, at, zone);
      assert.deepEqual(only(analysis, 'timeline.ambiguous-timezone'), [], zone);
    }
  });
});

suite('timeline: the time axis', () => {
  test('lays events out in lanes by category, in proportion to time, a long gap compressed and labelled, days as spans', () => {
    const analysis = analyze(
      report({
        details: '- **Incident Date:** 2023-01-02\n- **Discovery Date:** 2023-11-23 09:00 UTC',
        timeline: '- 2023-11-23 09:30 UTC — the account was disabled.\n- 2023-11-23 10:00 UTC — the attacker\'s sessions were revoked.',
      }),
    );
    const axis = axisLayout(analysis.timeline);
    assert.deepEqual(axis.lanes.map((lane) => lane.category), ['detection', 'response', 'detail']);
    const start = axis.lanes.find((lane) => lane.category === 'detail')!.items[0];
    assert.equal(start.x, 0);
    assert.ok(start.width > 0, 'a date without a time is drawn as a span');
    assert.equal(axis.breaks.length, 1);
    assert.equal(axis.breaks[0].label, '324 d', 'from the end of January 2 to November 23 09:00');
    const [disabled, revoked] = axis.lanes.find((lane) => lane.category === 'response')!.items;
    assert.ok(revoked.x > disabled.x && revoked.x <= 1);
    assert.equal(axis.ticks[0].label, '2023-01-02');
    assert.equal(axis.ticks.at(-1)!.label, '2023-11-23');
  });

  test('a timeline without dated events has an empty axis', () => {
    assert.deepEqual(axisLayout(analyze('# Incident Report: x\n').timeline), { lanes: [], breaks: [], ticks: [] });
  });
});

suite('which files are reports', () => {
  test('README.md and index.md are not reports by the folder globs alone; their content can still make them one', () => {
    const globs = ['**/incidents/**/*.md'];
    assert.equal(matchesReportGlobs('incidents/README.md', globs), false);
    assert.equal(matchesReportGlobs('incidents/2024/index.md', globs), false);
    assert.equal(matchesReportGlobs('incidents/2024-outage.md', globs), true);
    const options = { templates: new TemplateRegistry(), now: NOW };
    assert.equal(analyzeIfReport('# Our incidents\n\nHow we write them.\n', () => matchesReportGlobs('incidents/README.md', globs), options), undefined);
    assert.ok(analyzeIfReport('---\nkind: security\n---\n# Notes\n', () => matchesReportGlobs('incidents/README.md', globs), options));
  });
});
