import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDate, isUnknownDate, readDate, type DateReading, type Precision, type ReadDateOptions, type ZoneSource } from '../../src/core/parse/dates';
import { instantOf, wallClockAt } from '../../src/core/parse/zones';

interface DateCase {
  readonly text: string;
  readonly options?: ReadDateOptions;
  /** The instant the date must give (the first it can mean), or the kind of reading when it gives none. */
  readonly at: string | 'unknown' | 'unreadable' | 'time';
  /** How finely it is written; required for a date. */
  readonly precision?: Precision;
  readonly end?: string;
  /** What must have been read, for an unreadable date. */
  readonly read?: string;
  readonly ambiguous?: string;
  readonly timeWithoutZone?: boolean;
  readonly zoneSource?: ZoneSource;
}

const year2023 = { referenceYear: 2023 };
const after = (iso: string, more: ReadDateOptions = {}): ReadDateOptions => ({ referenceDate: new Date(iso), ...more });

// Dates as public incident reports write them: Cloudflare 2023, GitLab 2017, CrowdStrike 2024, Atlassian 2022,
// GitHub 2018, Facebook 2021, Fastly 2021, AWS S3 2017, Slack 2021, Roblox 2021, Okta 2023, LastPass 2022,
// Capital One 2019, Target 2013, Twilio 2022, Uber 2022, Colonial Pipeline 2021, Equifax 2017, SolarWinds 2020,
// Log4Shell 2021, Microsoft Storm-0558 2023, MGM 2023, CircleCI 2023, Datadog 2023, Google Cloud 2019, the seeds.
const CASES: DateCase[] = [
  { text: 'November 14, 2023', at: '2023-11-14T00:00:00.000Z', precision: 'day' },
  { text: 'November 23, 2023 09:00 UTC', at: '2023-11-23T09:00:00.000Z', precision: 'minute', zoneSource: 'text' },
  { text: 'Nov 14', options: year2023, at: '2023-11-14T00:00:00.000Z', precision: 'day' },
  { text: 'Nov 22', options: { referenceYear: 2022 }, at: '2022-11-22T00:00:00.000Z', precision: 'day' },
  { text: '14 Nov 2023 09:12 UTC', at: '2023-11-14T09:12:00.000Z', precision: 'minute' },
  { text: '2017-01-31 23:27 UTC', at: '2017-01-31T23:27:00.000Z', precision: 'minute' },
  { text: 'Jan 31st 2017 at 17:20 UTC', at: '2017-01-31T17:20:00.000Z', precision: 'minute' },
  { text: 'July 19, 2024 04:09 UTC', at: '2024-07-19T04:09:00.000Z', precision: 'minute' },
  { text: '19 July 2024, 05:27 UTC', at: '2024-07-19T05:27:00.000Z', precision: 'minute' },
  { text: 'July 19, 2024 04:09', at: '2024-07-19T04:09:00.000Z', precision: 'minute', timeWithoutZone: true, zoneSource: 'report' },
  { text: '2024-07-19', at: '2024-07-19T00:00:00.000Z', precision: 'day' },
  { text: '2023-11-14T09:12:00Z', at: '2023-11-14T09:12:00.000Z', precision: 'second' },
  { text: '2023-11-14T09:12:00+01:00', at: '2023-11-14T08:12:00.000Z', precision: 'second' },
  { text: '2023-11-14 09:12 +02:00', at: '2023-11-14T07:12:00.000Z', precision: 'minute' },
  { text: 'November 14 2023 at 3pm CET', at: '2023-11-14T14:00:00.000Z', precision: 'minute' },
  { text: '2022-04-05 07:38 UTC', at: '2022-04-05T07:38:00.000Z', precision: 'minute' },
  { text: 'April 5th, 2022 at 07:38 UTC', at: '2022-04-05T07:38:00.000Z', precision: 'minute' },
  { text: '05 April 2022', at: '2022-04-05T00:00:00.000Z', precision: 'day' },
  { text: 'restoration completed on April 18, 2022', at: '2022-04-18T00:00:00.000Z', precision: 'day' },
  { text: 'Thursday, November 23, 2023', at: '2023-11-23T00:00:00.000Z', precision: 'day' },
  { text: 'Wednesday, 6 October 2021', at: '2021-10-06T00:00:00.000Z', precision: 'day' },
  { text: 'Thursday, September 15, 2022', at: '2022-09-15T00:00:00.000Z', precision: 'day' },
  { text: 'two weeks after Nov 14, 2023', at: '2023-11-28T00:00:00.000Z', precision: 'day' },
  { text: 'October 21, 2018 at 22:52 UTC', at: '2018-10-21T22:52:00.000Z', precision: 'minute' },
  { text: 'June 8, 2021 09:47 UTC', at: '2021-06-08T09:47:00.000Z', precision: 'minute' },
  { text: 'February 28th, 2017 at 9:37AM PST', at: '2017-02-28T17:37:00.000Z', precision: 'minute' },
  { text: 'January 4th 2021', at: '2021-01-04T00:00:00.000Z', precision: 'day' },
  { text: 'October 28th, 2021, 13:37 PDT', at: '2021-10-28T20:37:00.000Z', precision: 'minute' },
  { text: 'August 4, 2022', at: '2022-08-04T00:00:00.000Z', precision: 'day' },
  { text: 'May 7, 2021', at: '2021-05-07T00:00:00.000Z', precision: 'day' },
  { text: 'December 9, 2021', at: '2021-12-09T00:00:00.000Z', precision: 'day' },
  { text: '2021-12-09T14:25:00Z', at: '2021-12-09T14:25:00.000Z', precision: 'second' },
  { text: 'July 11, 2023', at: '2023-07-11T00:00:00.000Z', precision: 'day' },
  { text: 'September 10, 2023', at: '2023-09-10T00:00:00.000Z', precision: 'day' },
  { text: 'December 19, 2022', at: '2022-12-19T00:00:00.000Z', precision: 'day' },
  { text: 'March 8, 2023 06:03 UTC', at: '2023-03-08T06:03:00.000Z', precision: 'minute' },
  { text: 'June 2, 2019 11:45 PDT', at: '2019-06-02T18:45:00.000Z', precision: 'minute' },
  { text: '11/14/2023', at: '2023-11-14T00:00:00.000Z', precision: 'day' },
  { text: '14.11.2023', at: '2023-11-14T00:00:00.000Z', precision: 'day' },
  { text: '2024/03/04', at: '2024-03-04T00:00:00.000Z', precision: 'day' },
  { text: '03/04/2024', at: '2024-03-04T00:00:00.000Z', precision: 'day', ambiguous: 'March 4, 2024 (month/day), not April 3, 2024 (day/month)' },
  { text: '03/04/2024 09:12 UTC', at: '2024-03-04T09:12:00.000Z', precision: 'minute', ambiguous: 'March 4, 2024 (month/day), not April 3, 2024 (day/month)' },
  // A month with its year is a month: often all a public report says of an initial access.
  { text: 'October 2023', at: '2023-10-01T00:00:00.000Z', precision: 'month' },
  { text: 'Sept. 2023', at: '2023-09-01T00:00:00.000Z', precision: 'month' },
  { text: 'Sep 2019', at: '2019-09-01T00:00:00.000Z', precision: 'month' },
  { text: 'in late March 2022', at: '2022-03-01T00:00:00.000Z', precision: 'month' },
  { text: 'mid-August 2022', at: '2022-08-01T00:00:00.000Z', precision: 'month' },
  { text: 'the Okta breach of October 2023', at: '2023-10-01T00:00:00.000Z', precision: 'month' },
  { text: 'September 2023', options: { timezone: 'America/Los_Angeles' }, at: '2023-09-01T07:00:00.000Z', precision: 'month' },
  // Ranges: the start takes the year of the end; a range over New Year ends in the next year; dashes with spaces too.
  { text: 'November 27 – December 5, 2023', at: '2023-11-27T00:00:00.000Z', precision: 'day', end: '2023-12-05T00:00:00.000Z' },
  { text: 'Nov 14-17, 2023', at: '2023-11-14T00:00:00.000Z', precision: 'day', end: '2023-11-17T00:00:00.000Z' },
  { text: '14–17 November 2023', at: '2023-11-14T00:00:00.000Z', precision: 'day', end: '2023-11-17T00:00:00.000Z' },
  { text: 'March 22 – 23, 2019', at: '2019-03-22T00:00:00.000Z', precision: 'day', end: '2019-03-23T00:00:00.000Z' },
  { text: 'March 22-23, 2019', at: '2019-03-22T00:00:00.000Z', precision: 'day', end: '2019-03-23T00:00:00.000Z' },
  // The end of a range takes the start's day and zone, never its seconds (chrono implies them).
  { text: 'March 14, 2024 9:54:09 PST–at 10:15', at: '2024-03-14T17:54:09.000Z', precision: 'second', end: '2024-03-14T18:15:00.000Z' },
  { text: 'November 27 – December 15, 2013', at: '2013-11-27T00:00:00.000Z', precision: 'day', end: '2013-12-15T00:00:00.000Z' },
  { text: 'Dec 28 – Jan 3', options: year2023, at: '2023-12-28T00:00:00.000Z', precision: 'day', end: '2024-01-03T00:00:00.000Z' },
  { text: 'from 2024-07-19 04:09 to 05:27 UTC', at: '2024-07-19T04:09:00.000Z', precision: 'minute', end: '2024-07-19T05:27:00.000Z' },
  // Time zones: the report's zone, with its summer time; a zone in the text wins; a numeric offset is an offset.
  { text: '2023-11-14 09:12', options: { timezone: 'Europe/Zurich' }, at: '2023-11-14T08:12:00.000Z', precision: 'minute', timeWithoutZone: true, zoneSource: 'report' },
  { text: '2024-07-19 04:09', options: { timezone: 'America/New_York' }, at: '2024-07-19T08:09:00.000Z', precision: 'minute' },
  { text: '2024-01-19 04:09', options: { timezone: 'America/New_York' }, at: '2024-01-19T09:09:00.000Z', precision: 'minute' },
  { text: '2024-07-19', options: { timezone: 'Asia/Tokyo' }, at: '2024-07-18T15:00:00.000Z', precision: 'day' },
  { text: '2024-07-19 04:09 UTC', options: { timezone: 'Asia/Tokyo' }, at: '2024-07-19T04:09:00.000Z', precision: 'minute', timeWithoutZone: false, zoneSource: 'text' },
  { text: '11:40 +05:30 on 2021-02-24', at: '2021-02-24T06:10:00.000Z', precision: 'minute', zoneSource: 'text' },
  { text: '2024-07-19 10:00 ET', at: '2024-07-19T14:00:00.000Z', precision: 'minute', zoneSource: 'text' },
  { text: '2024-01-19 10:00 ET', at: '2024-01-19T15:00:00.000Z', precision: 'minute' },
  { text: '2024-07-19 10:00 PT', at: '2024-07-19T17:00:00.000Z', precision: 'minute' },
  { text: '2023-11-14 09:12 IST', at: '2023-11-14T03:42:00.000Z', precision: 'minute' },
  { text: '2023-11-14 09:12', options: { timezone: 'UTC', offsetMinutes: 120, zoneSource: 'column' }, at: '2023-11-14T07:12:00.000Z', precision: 'minute', zoneSource: 'column' },
  // A clock time that does not exist (spring forward) is read with the offset before the change; a repeated one is the first.
  { text: '2024-03-10 02:30', options: { timezone: 'America/New_York' }, at: '2024-03-10T07:30:00.000Z', precision: 'minute' },
  { text: '2023-11-05 01:30', options: { timezone: 'America/New_York' }, at: '2023-11-05T05:30:00.000Z', precision: 'minute' },
  // A time without a date takes the date of the event before it, as a clock in its zone shows it.
  { text: '23:27 UTC', options: after('2017-01-31T17:20:00Z'), at: '2017-01-31T23:27:00.000Z', precision: 'minute' },
  { text: '- 23:27 UTC — primary database directory removed', options: after('2017-01-31T17:20:00Z'), at: '2017-01-31T23:27:00.000Z', precision: 'minute' },
  { text: '11:00 PDT', options: after('2024-07-19T12:00:00Z'), at: '2024-07-19T18:00:00.000Z', precision: 'minute' },
  { text: '09:12', options: after('2023-11-14T20:00:00Z', { timezone: 'Asia/Tokyo' }), at: '2023-11-15T00:12:00.000Z', precision: 'minute' },
  { text: '13:42:10 UTC', options: after('2021-10-04T00:00:00Z'), at: '2021-10-04T13:42:10.000Z', precision: 'second' },
  { text: '09:58 UTC', options: after('2021-06-08T09:47:00Z'), at: '2021-06-08T09:58:00.000Z', precision: 'minute' },
  { text: '23:27 UTC', at: 'time' },
  // The forms that say the date is not known.
  { text: 'Unknown', at: 'unknown' },
  { text: 'N/A', at: 'unknown' },
  { text: 'TBD', at: 'unknown' },
  { text: '', at: 'unknown' },
  { text: '—', at: 'unknown' },
  { text: 'Not specified (Implied during the outage event)', at: 'unknown' },
  { text: 'Not specified (The date of the outage event)', at: 'unknown' },
  { text: 'Not explicitly stated, but corresponding with service failure reports.', at: 'unknown' },
  { text: 'Not applicable (Incident was an outage/failure, not an external intrusion).', at: 'unknown' },
  { text: '*Unknown*', at: 'unknown' },
  // Unreadable, with what was read when something was. A month without its year, or a year alone, is no date.
  { text: 'The date of the ongoing/reported major outage.', at: 'unreadable' },
  { text: 'sometime last week', at: 'unreadable' },
  { text: 'YYYY-MM-DD HH:MM UTC', at: 'unreadable' },
  { text: 'Feb 30, 2023', at: 'unreadable' },
  { text: 'in March', at: 'unreadable' },
  { text: 'in 2019', at: 'unreadable' },
  { text: 'the may 2023 release', at: 'unreadable' },
  { text: 'the week after', at: 'unreadable', read: 'the week after' },
  { text: 'within 24 hours', at: 'unreadable', read: 'within 24 hours' },
  { text: 'Nov 14', at: 'unreadable', read: 'Nov 14' },
];

function describeReading(reading: DateReading): string {
  return JSON.stringify(reading);
}

suite('readDate', function () {
  // The first reading loads chrono's patterns and Intl's zone data.
  this.timeout(10_000);

  test(`reads the table of ${CASES.length} dates from real reports`, () => {
    assert.ok(CASES.filter((c) => c.at !== 'unknown').length >= 80);
    for (const c of CASES) {
      const reading = readDate(c.text, c.options);
      const label = `${JSON.stringify(c.text)} → ${describeReading(reading)}`;
      if (c.at === 'unknown' || c.at === 'unreadable' || c.at === 'time') {
        assert.equal(reading.kind, c.at, label);
        if (c.read !== undefined) assert.equal(reading.kind === 'unreadable' && reading.read, c.read, label);
        continue;
      }
      assert.equal(reading.kind, 'date', label);
      if (reading.kind !== 'date') continue;
      assert.equal(reading.start.toISOString(), c.at, label);
      assert.equal(reading.precision, c.precision, label);
      assert.equal(reading.end?.toISOString(), c.end, label);
      if (c.zoneSource !== undefined) assert.equal(reading.zoneSource, c.zoneSource, label);
      assert.equal(reading.ambiguous, c.ambiguous, label);
      if (c.timeWithoutZone !== undefined) assert.equal(reading.timeWithoutZone, c.timeWithoutZone, label);
    }
  });

  test('keeps where the date stands in the text', () => {
    const text = '- 23:27 UTC — primary database directory removed';
    const reading = readDate(text, after('2017-01-31T00:00:00Z'));
    assert.equal(reading.kind, 'date');
    if (reading.kind !== 'date') return;
    assert.equal(text.slice(reading.range.start, reading.range.end), '23:27 UTC');
    const range = readDate('Containment on November 27 – December 5, 2023 (Code Red)');
    assert.ok(range.kind === 'date');
    assert.equal(range.text, 'November 27 – December 5, 2023');
    assert.deepEqual(range.range, { start: 15, end: 45 });
  });

  test('says what it inferred', () => {
    const yearless = readDate('Nov 22', year2023);
    assert.ok(yearless.kind === 'date' && yearless.yearInferred && !yearless.dateInferred && yearless.precision === 'day');
    const timeOnly = readDate('09:12 UTC', after('2023-11-14T00:00:00Z'));
    assert.ok(timeOnly.kind === 'date' && timeOnly.dateInferred && timeOnly.precision === 'minute' && !timeOnly.yearInferred);
    const written = readDate('2023-11-14 09:12 UTC', year2023);
    assert.ok(written.kind === 'date' && !written.yearInferred && !written.dateInferred && written.precision === 'minute');
  });

  test('an ambiguous date gives both readings as ISO dates, the one taken first', () => {
    const reading = readDate('03/04/2024');
    assert.ok(reading.kind === 'date');
    assert.deepEqual(reading.isoReadings, ['2024-03-04', '2024-04-03']);
    const clear = readDate('13/04/2024');
    assert.ok(clear.kind === 'date');
    assert.equal(clear.start.toISOString(), '2024-04-13T00:00:00.000Z');
    assert.equal(clear.ambiguous, undefined);
  });

  test('an unreadable date says why', () => {
    const yearless = readDate('Nov 14');
    assert.ok(yearless.kind === 'unreadable');
    assert.match(yearless.problem, /"Nov 14" has no year/);
    assert.deepEqual(yearless.readRange, { start: 0, end: 6 });
    const nothing = readDate('The date of the ongoing/reported major outage.');
    assert.ok(nothing.kind === 'unreadable');
    assert.equal(nothing.read, undefined);
    assert.match(nothing.problem, /No date could be read/);
  });

  test('findDate finds nothing in a line without a date, and ignores numbers that are not dates', () => {
    for (const line of [
      'Contained within 2 hours, 3 days later than planned.',
      'Rotation of over 5,000 production credentials.',
      'Forensic examination of 4,893 systems.',
      'CVE-2023-22515 in version 8.5.3 from 10.0.0.1',
      'Users reported services down',
      'The cluster was migrated in 2019 and upgraded in March.',
      'We may 2023 times retry the job; 1999 requests failed.',
      'Since 2021 the team has owned 12 services.',
    ]) {
      assert.equal(findDate(line, year2023), null, line);
    }
  });

  test('isUnknownDate accepts the unknown forms and nothing with a date in front', () => {
    assert.ok(isUnknownDate('Unknown (likely early November)'));
    assert.ok(isUnknownDate('not known'));
    assert.ok(!isUnknownDate('November 14, 2023 (unknown hour)'));
    assert.ok(!isUnknownDate('- 2023-11-14'));
  });

  test('property: any instant written in several formats reads back to itself', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const pad = (n: number) => String(n).padStart(2, '0');
    const instants = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2099, 11, 31) / 60_000 }).map((minutes) => new Date(minutes * 60_000));
    fc.assert(
      fc.property(instants, fc.integer({ min: -11, max: 12 }), (instant, offsetHours) => {
        const d = instant;
        const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
        const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        const shifted = new Date(d.getTime() + offsetHours * 3_600_000);
        const offset = `${offsetHours < 0 ? '-' : '+'}${pad(Math.abs(offsetHours))}:00`;
        const shiftedText = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:00${offset}`;
        const forms = [
          `${ymd}T${hm}:00Z`,
          `${ymd} ${hm} UTC`,
          `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hm} UTC`,
          `${d.getUTCDate()} ${months[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()} ${hm} UTC`,
          shiftedText,
        ];
        for (const form of forms) {
          const reading = readDate(form);
          assert.ok(reading.kind === 'date', `${form}: ${describeReading(reading)}`);
          assert.equal(reading.start.toISOString(), d.toISOString(), form);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a wall clock just before a change of offset in a zone far from UTC reads back unchanged', () => {
    const wall = wallClockAt(907420500000, 'Pacific/Chatham');
    assert.deepEqual(wallClockAt(instantOf(wall, 'Pacific/Chatham'), 'Pacific/Chatham'), wall);
    assert.equal(instantOf(wall, 'Pacific/Chatham'), 907420500000);
  });

  test('property: a wall clock read back in its zone shows the same time, summer or winter', () => {
    const zones = ['UTC', 'Europe/Zurich', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 0, 1) }), fc.constantFrom(...zones), (instant, zone) => {
        const wall = wallClockAt(instant, zone);
        assert.deepEqual(wallClockAt(instantOf(wall, zone), zone), wall);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: readDate never throws and its ranges lie inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('Nov 14', '09:12', '03/04/2024', 'N/A', 'November 27 – December 5')), fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (text, referenceYear) => {
        const reading = readDate(text, { referenceYear });
        const range = reading.kind === 'date' || reading.kind === 'time' ? reading.range : reading.kind === 'unreadable' ? reading.readRange : undefined;
        if (range) assert.ok(0 <= range.start && range.start <= range.end && range.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });
});
