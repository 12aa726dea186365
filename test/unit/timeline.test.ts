import * as assert from 'node:assert/strict';
import type { Analysis } from '../../src/core/analysis/analyze';
import { reportExportSchema } from '../../src/core/output/exportSchema';
import { escapeMermaid, timelineToGantt, timelineToJson, timelineToMermaid } from '../../src/core/output/timeline';
import type { Timeline, TimelineMetrics } from '../../src/core/timeline/types';
import { analyze, applyFix, fixTitled, only, readProjectFile, single, textAt } from './helpers';

const CLOUDFLARE = readProjectFile('test', 'fixtures', 'cloudflare-2023.md');
const PROTON_DATED = readProjectFile('test', 'fixtures', 'proton-outage-dated.md');
const SEEDS = ['000-bitbucket-outage.md', '002-proton-outage.md'].map((name) => readProjectFile('test', 'fixtures', 'seeds', name));

function changed(text: string, ...replacements: [from: string | RegExp, to: string][]): string {
  return replacements.reduce((result, [from, to]) => {
    const next = result.replace(from, to);
    assert.notEqual(next, result, `replacement ${from} did not apply`);
    return next;
  }, text);
}

function timelineOf(text: string, now?: Date): { analysis: Analysis; timeline: Timeline } {
  const analysis = analyze(text, now === undefined ? {} : { now });
  return { analysis, timeline: analysis.timeline };
}

const timelineRules = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.rule.startsWith('timeline.'));
const DAY = 86_400;

suite('timeline events', () => {
  test('the Cloudflare report gives its events in time order, the undated phase last', () => {
    const { timeline } = timelineOf(CLOUDFLARE);
    assert.deepEqual(
      timeline.events.map((e) => [e.at, e.end, e.phase, e.category]),
      [
        ['2023-11-14T00:00:00.000Z', null, 'Incident Details', 'detail'],
        ['2023-11-14T00:00:00.000Z', null, 'Initial Access', 'attack'],
        ['2023-11-22T00:00:00.000Z', null, 'Lateral Movement', 'attack'],
        ['2023-11-23T00:00:00.000Z', null, 'Incident Details', 'detection'],
        ['2023-11-23T00:00:00.000Z', null, 'Detection & Response', 'detection'],
        ['2023-11-23T00:00:00.000Z', null, 'Response Actions', 'response'],
        ['2023-11-27T00:00:00.000Z', '2023-12-05T00:00:00.000Z', 'Response Actions', 'recovery'],
        [null, null, 'Data Exfiltration/Impact', 'impact'],
      ],
    );
    assert.equal(timeline.kind, 'security');
    assert.equal(timeline.timezone, 'UTC');
    assert.equal(timeline.referenceYear, 2023);
  });

  test('a phase event carries the phase fields as text, and every event its source and date ranges', () => {
    const { timeline } = timelineOf(CLOUDFLARE);
    const initialAccess = timeline.events.find((e) => e.phase === 'Initial Access')!;
    assert.equal(
      initialAccess.text,
      'Vector: Credentials compromised in the Okta breach of October 2023 and not rotated afterwards. Details: The attacker first accessed the self-hosted Atlassian server.',
    );
    assert.equal(CLOUDFLARE.slice(initialAccess.range.start, initialAccess.range.end), '- **Date/Time:** November 14, 2023');
    assert.equal(CLOUDFLARE.slice(initialAccess.dateRange!.start, initialAccess.dateRange!.end), 'November 14, 2023');
    assert.equal(CLOUDFLARE.split('\n')[initialAccess.line], '- **Date/Time:** November 14, 2023');
    const recovery = timeline.events.find((e) => e.category === 'recovery')!;
    assert.equal(CLOUDFLARE.slice(recovery.dateRange!.start, recovery.dateRange!.end), 'November 27 – December 5, 2023');
    const undated = timeline.events.find((e) => e.at === null)!;
    assert.equal(undated.dateRange, null);
    assert.deepEqual(
      timeline.events.map((e) => e.id).sort(),
      timeline.events.map((_, i) => `e${i}`).sort(),
    );
  });

  test('ids follow source order while events follow time', () => {
    const { timeline } = timelineOf(CLOUDFLARE);
    const bySource = [...timeline.events].sort((a, b) => a.range.start - b.range.start);
    assert.deepEqual(bySource.map((e) => e.id), bySource.map((_, i) => `e${i}`));
    assert.notDeepEqual(timeline.events.map((e) => e.id), bySource.map((e) => e.id));
  });

  test('list items of the Timeline of Events and Response Actions with a date or time are events; times take the day before them', () => {
    const { timeline } = timelineOf(PROTON_DATED);
    assert.deepEqual(
      timeline.events.filter((e) => e.phase === 'Timeline of Events' || e.phase === 'Response Actions').map((e) => [e.at, e.category, e.text]),
      [
        ['2024-04-11T07:32:00.000Z', 'detail', 'Software change deployed as part of the Kubernetes migration; load spike begins.'],
        ['2024-04-11T07:35:00.000Z', 'impact', 'API error rates rise worldwide.'],
        ['2024-04-11T07:41:00.000Z', 'detection', 'Monitoring alerts the operations team.'],
        ['2024-04-11T08:05:00.000Z', 'response', 'Containment measures: Change rolled back at 10:05.'],
        ['2024-04-11T09:20:00.000Z', 'recovery', 'Mail and Calendar restored.'],
        ['2024-04-11T10:02:00.000Z', 'recovery', 'Restoration completed on April 11, 2024 at 12:02.'],
      ],
    );
    assert.equal(timeline.timezone, 'Europe/Zurich');
    assert.ok(timeline.events.every((e) => e.at === null || e.precision === 'minute'));
    assert.deepEqual(timelineRules(analyze(PROTON_DATED)), []);
  });

  test('lines without a date are no events; N/A phases give none', () => {
    const { timeline } = timelineOf(PROTON_DATED);
    assert.ok(!timeline.events.some((e) => /one by one|faulty component/.test(e.text)));
    assert.ok(!timeline.events.some((e) => e.phase === 'Initial Access' || e.phase === 'Lateral Movement'));
  });

  test('a date without a year takes the Incident Date’s year; one far before the event listed before it, the next year', () => {
    const text = changed(CLOUDFLARE, ['- **Date/Time:** November 22, 2023', '- **Date/Time:** Nov 22\n- Dec 28: persistence renewed.\n- Jan 3: last connection seen.']);
    const { analysis, timeline } = timelineOf(text);
    const at = (pattern: RegExp) => timeline.events.find((e) => pattern.test(e.text))?.at;
    assert.equal(at(/infiltrated the Confluence/), '2023-11-22T00:00:00.000Z');
    assert.equal(at(/persistence renewed/), '2023-12-28T00:00:00.000Z');
    assert.equal(at(/last connection/), '2024-01-03T00:00:00.000Z');
    assert.deepEqual(only(analysis, 'timeline.out-of-order'), []);
  });

  test('"Unknown", "Not specified" and "N/A" give undated events that keep their phase', () => {
    const text = changed(CLOUDFLARE, ['- **Date/Time:** November 22, 2023', '- **Date/Time:** Not specified'], ['- **Date/Time:** November 14, 2023', '- **Date/Time:** N/A (reconstructed from logs later)']);
    const { analysis, timeline } = timelineOf(text);
    const undated = timeline.events.filter((e) => e.at === null);
    assert.deepEqual(undated.map((e) => e.phase), ['Initial Access', 'Lateral Movement', 'Data Exfiltration/Impact']);
    assert.deepEqual(timelineRules(analysis), []);
  });

  test('the seed reports, whose dates are all unknown or unreadable, give undated phase events and no timeline diagnostics', () => {
    for (const seed of SEEDS) {
      const { analysis, timeline } = timelineOf(seed);
      assert.ok(timeline.events.length > 0);
      assert.ok(timeline.events.every((e) => e.at === null));
      assert.deepEqual(timeline.metrics, { start: null, timeToDetect: null, timeToContain: null, timeToRecover: null });
      assert.deepEqual(timelineRules(analysis), []);
    }
    const bitbucket = analyze(SEEDS[0]).timeline;
    assert.deepEqual(bitbucket.events.map((e) => e.phase), ['Incident Details', 'Incident Details', 'Initial Access', 'Data Exfiltration/Impact', 'Detection & Response']);
  });

  test('is part of the analysis: the rule, the preview and the exports share it', () => {
    const analysis = analyze(changed(CLOUDFLARE, ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 13, 2023']));
    assert.deepEqual(timelineRules(analysis), analysis.timeline.diagnostics);
    assert.ok(analysis.timeline.diagnostics.length > 0);
  });
});

suite('timeline metrics', () => {
  test('Cloudflare 2023: detected 9 days after the initial access, contained the same day, recovered by December 5', () => {
    const { timeline } = timelineOf(CLOUDFLARE);
    assert.deepEqual(secondsOf(timeline.metrics), {
      start: '2023-11-14T00:00:00.000Z',
      timeToDetect: 9 * DAY,
      timeToContain: 9 * DAY,
      timeToRecover: 21 * DAY,
    });
    assert.deepEqual([timeline.metrics.timeToDetect?.precision, timeline.metrics.timeToContain?.precision], ['day', 'day'], 'each end is a day');
  });

  test('the dated Proton outage: detected in 9 minutes, contained in 33, recovered in 2 h 30', () => {
    assert.deepEqual(secondsOf(analyze(PROTON_DATED).timeline.metrics), {
      start: '2024-04-11T07:32:00.000Z',
      timeToDetect: 9 * 60,
      timeToContain: 33 * 60,
      timeToRecover: 150 * 60,
    });
  });

  test('without an Incident Date the start is the earliest attack event; without a Discovery Date detection is the detection phase', () => {
    const text = changed(
      CLOUDFLARE,
      ['- **Discovery Date:** November 23, 2023', '- **Discovery Date:** Unknown'],
      ['- **Incident Date:** November 14, 2023', '- **Incident Date:** Unknown'],
      ['- **Date/Time:** November 14, 2023', '- **Date/Time:** November 15, 2023'],
    );
    const { metrics } = analyze(text).timeline;
    assert.equal(metrics.start?.at, '2023-11-15T00:00:00.000Z');
    assert.equal(metrics.start?.reason, 'earliest-attack-or-impact');
    assert.equal(metrics.timeToDetect?.seconds ?? null, 8 * DAY);
    assert.equal(metrics.timeToRecover?.seconds ?? null, 20 * DAY);
  });

  test('the Discovery Date wins over the detection phase, and the end of a recovery range counts', () => {
    const text = changed(CLOUDFLARE, ['- **Discovery Date:** November 23, 2023', '- **Discovery Date:** November 24, 2023'], ['November 27 – December 5, 2023', 'November 27 – December 15, 2023']);
    const { metrics } = analyze(text).timeline;
    assert.equal(metrics.timeToDetect?.seconds ?? null, 10 * DAY);
    assert.equal(metrics.timeToRecover?.seconds ?? null, 31 * DAY);
  });

  test('a metric whose dates are missing is null', () => {
    const text = changed(
      CLOUDFLARE,
      ['Immediate disconnection of the attacker\'s access on November 23, 2023.', 'Immediate disconnection of the attacker\'s access.'],
      ['during the remediation of November 27 – December 5, 2023.', 'during the remediation.'],
    );
    const { metrics } = analyze(text).timeline;
    assert.equal(metrics.timeToDetect?.seconds ?? null, 9 * DAY);
    assert.equal(metrics.timeToContain?.seconds ?? null, null);
    assert.equal(metrics.timeToRecover?.seconds ?? null, null);
  });
});

/** The metrics as seconds, with the instant they start from. */
function secondsOf(metrics: TimelineMetrics): Record<string, string | number | null> {
  return {
    start: metrics.start?.at ?? null,
    timeToDetect: metrics.timeToDetect?.seconds ?? null,
    timeToContain: metrics.timeToContain?.seconds ?? null,
    timeToRecover: metrics.timeToRecover?.seconds ?? null,
  };
}

interface DiagnosticCase {
  readonly name: string;
  readonly rule: string;
  readonly bad: () => string;
  /** Same change, written right: the rule is silent. */
  readonly good: () => string;
  readonly at: string;
  readonly message?: RegExp;
  readonly fix?: string;
  readonly now?: Date;
}

const unknownIncidentDates: [string, string][] = [
  ['- **Discovery Date:** November 23, 2023', '- **Discovery Date:** Unknown'],
  ['- **Incident Date:** November 14, 2023', '- **Incident Date:** Unknown'],
];

const DIAGNOSTIC_CASES: DiagnosticCase[] = [
  {
    name: 'a time with no date before it',
    rule: 'timeline.unreadable-date',
    bad: () => changed(CLOUDFLARE, ...unknownIncidentDates, ['- **Date/Time:** November 14, 2023', '- **Date/Time:** 09:12 UTC']),
    good: () => changed(CLOUDFLARE, ['- **Date/Time:** November 14, 2023', '- **Date/Time:** 09:12 UTC']),
    at: '09:12 UTC',
    message: /"09:12 UTC" is a time without a date/,
  },
  {
    name: 'a date with no year anywhere',
    rule: 'timeline.unreadable-date',
    bad: () => changed(CLOUDFLARE, ...unknownIncidentDates, ['## Timeline of Events\n', '## Timeline of Events\n\n- Nov 13 — reconnaissance from a VPN exit node.\n']),
    good: () => changed(CLOUDFLARE, ['## Timeline of Events\n', '## Timeline of Events\n\n- Nov 13 — reconnaissance from a VPN exit node.\n']),
    at: 'Nov 13',
    message: /"Nov 13" has no year/,
  },
  {
    name: 'a date read month first that could be day first',
    rule: 'timeline.ambiguous-date',
    bad: () => changed(CLOUDFLARE, ['segregation of test and staging systems.', 'segregation of test and staging systems, completed 12/01/2023.']),
    good: () => changed(CLOUDFLARE, ['segregation of test and staging systems.', 'segregation of test and staging systems, completed 2023-12-01.']),
    at: '12/01/2023',
    message: /taken as December 1, 2023 \(month\/day\), not January 12, 2023 \(day\/month\)/,
    fix: 'Write 2023-12-01',
  },
  {
    name: 'detection before the initial access',
    rule: 'timeline.detection-before-start',
    bad: () => changed(CLOUDFLARE, ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 13, 2023']),
    good: () => changed(CLOUDFLARE, ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 14, 2023']),
    at: 'November 13, 2023',
    message: /Detection \("November 13, 2023"\) is dated before Initial Access \("November 14, 2023", line 30\)/,
  },
  {
    name: 'detection before the Incident Date',
    rule: 'timeline.detection-before-start',
    bad: () => changed(CLOUDFLARE, ['- **Date/Time:** November 14, 2023', '- **Date/Time:** Unknown'], ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 13, 2023 22:00 UTC']),
    good: () => changed(CLOUDFLARE, ['- **Date/Time:** November 14, 2023', '- **Date/Time:** Unknown'], ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 14, 2023 22:00 UTC']),
    at: 'November 13, 2023 22:00 UTC',
    message: /before Incident Date \("November 14, 2023", line 20\)/,
  },
  {
    name: 'events of a phase out of order',
    rule: 'timeline.out-of-order',
    bad: () => changed(CLOUDFLARE, ['- **Details:** The attacker infiltrated', '- November 21, 2023: the attacker searched the wiki.\n- **Details:** The attacker infiltrated']),
    good: () => changed(CLOUDFLARE, ['- **Details:** The attacker infiltrated', '- November 22, 2023: the attacker searched the wiki.\n- **Details:** The attacker infiltrated']),
    at: 'November 21, 2023',
    message: /"November 21, 2023" is earlier than "November 22, 2023" listed before it \(line 36\).*"Lateral Movement"/,
  },
  {
    name: 'a date in the future',
    rule: 'timeline.future-date',
    bad: () => changed(CLOUDFLARE, ['November 27 – December 5, 2023', 'November 27, 2023 – December 5, 2027']),
    good: () => changed(CLOUDFLARE, ['November 27 – December 5, 2023', 'November 27, 2023 – December 5, 2025']),
    at: 'November 27, 2023 – December 5, 2027',
  },
  {
    name: 'a time with no zone and no front matter timezone',
    rule: 'timeline.missing-timezone',
    bad: () => changed(CLOUDFLARE, ['timezone: UTC\n', ''], ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 23, 2023 09:00']),
    good: () => changed(CLOUDFLARE, ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 23, 2023 09:00']),
    at: 'November 23, 2023 09:00',
    message: /has no time zone/,
    fix: 'Add "UTC"',
  },
];

suite('timeline diagnostics', () => {
  test('the Cloudflare report has none', () => {
    assert.deepEqual(timelineRules(analyze(CLOUDFLARE)), []);
  });

  for (const c of DIAGNOSTIC_CASES) {
    test(`${c.rule}: ${c.name}`, () => {
      const bad = analyze(c.bad());
      const found = single(bad, c.rule);
      assert.equal(textAt(bad, found), c.at);
      if (c.message) assert.match(found.message, c.message);
      assert.deepEqual(only(analyze(c.good()), c.rule), [], 'the same change written right is not reported');
      if (c.fix) {
        const fixed = applyFix(bad.report.text, fixTitled(found, c.fix));
        assert.deepEqual(only(analyze(fixed), c.rule), [], 'the fix silences the rule');
      }
    });
  }

  test('timeline.ambiguous-date offers both readings', () => {
    const bad = analyze(DIAGNOSTIC_CASES.find((c) => c.rule === 'timeline.ambiguous-date')!.bad());
    const found = single(bad, 'timeline.ambiguous-date');
    assert.deepEqual(found.fixes?.map((f) => f.title), ['Write 2023-12-01', 'Write 2023-01-12']);
    assert.match(applyFix(bad.report.text, fixTitled(found, 'Write 2023-01-12')), /completed 2023-01-12\./);
  });

  test('timeline.future-date needs a clock', () => {
    const bad = DIAGNOSTIC_CASES.find((c) => c.rule === 'timeline.future-date')!.bad();
    const analysis = analyze(bad, { now: undefined });
    assert.deepEqual(only(analysis, 'timeline.future-date'), []);
  });

  test('an unreadable date field is field.invalid-date’s, not the timeline’s', () => {
    const analysis = analyze(changed(CLOUDFLARE, ['- **Date/Time:** November 22, 2023', '- **Date/Time:** the week after']));
    assert.equal(only(analysis, 'field.invalid-date').length, 1);
    assert.deepEqual(timelineRules(analysis), []);
  });

  test('Discovery Date before initial access is reported once by the timeline (against the Incident Date it is dates.discovery-before-incident)', () => {
    const analysis = analyze(changed(CLOUDFLARE, ['- **Discovery Date:** November 23, 2023', '- **Discovery Date:** November 13, 2023']));
    assert.equal(textAt(analysis, single(analysis, 'timeline.detection-before-start')), 'November 13, 2023');
    assert.equal(only(analysis, 'dates.discovery-before-incident').length, 1);
  });

  test('dates without a time compare by day: detection on the day of a timed initial access is not before it', () => {
    const text = changed(CLOUDFLARE, ['- **Date/Time:** November 14, 2023', '- **Date/Time:** November 14, 2023 09:12 UTC'], ['- **Date/Time:** November 23, 2023', '- **Date/Time:** November 14, 2023']);
    assert.deepEqual(only(analyze(text), 'timeline.detection-before-start'), []);
  });
});

suite('timeline exports', () => {
  test('JSON: events by time, undated last, instants in UTC with Z, precisions, lines 1-based; it satisfies the export schema', () => {
    const json = timelineToJson(analyze(CLOUDFLARE).timeline);
    assert.deepEqual(json.metrics, {
      timeToDetectSeconds: 777_600,
      timeToContainSeconds: 777_600,
      timeToRecoverSeconds: 1_814_400,
      precision: { timeToDetect: 'day', timeToContain: 'day', timeToRecover: 'day' },
    });
    assert.deepEqual(json.events[0], { at: '2023-11-14T00:00:00.000Z', end: null, precision: 'day', text: 'Incident began', phase: 'Incident Details', line: 20 });
    assert.deepEqual(json.events[6], {
      at: '2023-11-27T00:00:00.000Z',
      end: '2023-12-05T00:00:00.000Z',
      precision: 'day',
      text: 'Recovery actions: System-wide reboot, including all Atlassian servers, during the remediation of November 27 – December 5, 2023.',
      phase: 'Response Actions',
      line: 76,
    });
    assert.equal(json.events.at(-1)!.at, null);
    assert.equal(json.events.at(-1)!.precision, null);
    assert.equal(CLOUDFLARE.split('\n')[json.events[0].line - 1], '- **Incident Date:** November 14, 2023');
    assert.doesNotThrow(() => reportExportSchema.shape.timeline.parse(json));
  });

  test('Mermaid: a fenced timeline block, a section per run of a phase with unique names in time order, a period per date', () => {
    const mermaid = timelineToMermaid(analyze(CLOUDFLARE).timeline, 'Cloudflare: Atlassian breach #2023');
    const lines = mermaid.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 3), ['```mermaid', 'timeline', '    title Cloudflare#58; Atlassian breach #35;2023']);
    assert.equal(lines.at(-1), '```');
    assert.deepEqual(
      lines.filter((line) => line.trimStart().startsWith('section ')).map((line) => line.trim()),
      [
        'section Incident Details',
        'section Initial Access',
        'section Lateral Movement',
        'section Incident Details (2)',
        'section Detection & Response',
        'section Response Actions',
        'section Date unknown',
      ].map((line) => line.replace('&', '#38;')),
    );
    assert.ok(lines.includes('        2023-11-27 – 2023-12-05 : Recovery actions#58; System-wide reboot, including all Atlassian servers, during the remediation of November 27 – December 5, 2023.'));
    assert.ok(lines.some((line) => line.startsWith('        Data Exfiltration/Impact : Impact#58; Information about network architecture')));
  });

  /** A line of a diagram as Mermaid's lexer sees it once it has set its entity codes aside (mermaid's encodeEntities). */
  const asLexed = (line: string) => line.replace(/#\w+;/g, 'E');

  test('Mermaid: every line is one the timeline grammar reads as intended, whatever the text holds', () => {
    const text = changed(PROTON_DATED, ['API error rates rise worldwide.', 'API error rates rise: see #incident; 50%% of calls <fail> & title: x.']);
    const mermaid = timelineToMermaid(analyze(text).timeline, 'Proton');
    const body = mermaid.trimEnd().split('\n').slice(2, -1);
    // The timeline grammar: a period is [^#:\n]+; an event starts with ": " and holds no ": "; a section name holds no ":".
    const period = /^ {8}[^#:\n%]+ : (?:[^:\n#%]|:(?!\s))+$/;
    const continuation = /^ {8}: (?:[^:\n#%]|:(?!\s))+$/;
    for (const line of body.map(asLexed)) {
      assert.ok(/^ {4}title [^\n]+$/.test(line) || /^ {4}section [^:\n]+$/.test(line) || period.test(line) || continuation.test(line), line);
    }
    assert.ok(body.includes('        2024-04-11 09#58;35 GMT+2 : API error rates rise#58; see #35;incident#59; 50#37;#37; of calls #60;fail#62; #38; title#58; x.'));
    assert.ok(body.includes('        2024-04-11 09#58;32 GMT+2 : Incident began'));
  });

  test('Mermaid: events of the same period share it', () => {
    const text = changed(CLOUDFLARE, ['- **Details:** The attacker infiltrated', '- November 22, 2023: the attacker searched the wiki.\n- **Details:** The attacker infiltrated']);
    const lines = timelineToMermaid(analyze(text).timeline, 'x').split('\n');
    const at = lines.findIndex((line) => line.includes('2023-11-22 : '));
    assert.equal(lines[at + 1], '        : the attacker searched the wiki.');
  });

  test('Mermaid: a report without events still renders', () => {
    const mermaid = timelineToMermaid(analyze('# Incident Report: x\n').timeline, 'x');
    assert.equal(mermaid, '```mermaid\ntimeline\n    title x\n        No dated events : The report has no timeline yet\n```\n');
  });

  test('Mermaid gantt: a bar for each day or range, a milestone for each time, lines the gantt grammar reads', () => {
    const gantt = timelineToGantt(analyze(CLOUDFLARE).timeline, 'Cloudflare');
    const lines = gantt.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 5), ['```mermaid', 'gantt', '    title Cloudflare (times in UTC)', '    dateFormat YYYY-MM-DD HH:mm', '    axisFormat %Y-%m-%d']);
    assert.ok(lines.includes('    Incident began : e0, 2023-11-14 00:00, 2023-11-15 00:00'), lines.join('\n'));
    assert.ok(lines.some((line) => /^ {4}Recovery actions#58; System-wide reboot.* : e\d+, 2023-11-27 00:00, 2023-12-06 00:00$/.test(line)));
    const timed = timelineToGantt(analyze(PROTON_DATED).timeline, 'Proton').split('\n');
    assert.ok(timed.includes('    API error rates rise worldwide. : milestone, e2, 2024-04-11 09:35, 0m'), timed.join('\n'));
    const task = /^ {4}[^#:\n;]+ : (?:milestone, )?e\d+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}, (?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}|0m)$/;
    for (const line of lines.slice(5, -1).map(asLexed)) assert.ok(/^ {4}section [^#:\n;]+$/.test(line) || task.test(line), line);
    assert.ok(!lines.some((line) => line.includes('Date unknown')), 'undated events have no place on the axis');
  });

  test('escapeMermaid writes with entity codes what Mermaid would read as syntax, on one line, and keeps the rest', () => {
    assert.equal(escapeMermaid('Phase: 1 # note; 100%% <b>done</b>\n next'), 'Phase#58; 1 #35; note#59; 100#37;#37; #60;b#62;done#60;/b#62; next');
    assert.equal(escapeMermaid('https://evil.example/x'), 'https#58;//evil.example/x');
  });
});
