import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDate, isUnknownDate, readDate, type DateReading, type ReadDateOptions } from '../../src/core/parse/dates';
import { instantOf, wallClockAt } from '../../src/core/parse/zones';

interface DateCase {
  readonly text: string;
  readonly options?: ReadDateOptions;
  /** The instant the date must give, or the kind of reading when it gives none. */
  readonly at: string | 'unknown' | 'unreadable' | 'time';
  readonly end?: string;
  /** What must have been read, for an unreadable date. */
  readonly read?: string;
  readonly ambiguous?: string;
  readonly timeWithoutZone?: boolean;
}

const year2023 = { referenceYear: 2023 };
const after = (iso: string, more: ReadDateOptions = {}): ReadDateOptions => ({ referenceDate: new Date(iso), ...more });

// Dates as incident reports write them (Cloudflare 2023, GitLab 2017, CrowdStrike 2024, Atlassian 2022, seeds).
const CASES: DateCase[] = [
  { text: 'November 14, 2023', at: '2023-11-14T00:00:00.000Z' },
  { text: 'November 23, 2023 09:00 UTC', at: '2023-11-23T09:00:00.000Z' },
  { text: 'Nov 14', options: year2023, at: '2023-11-14T00:00:00.000Z' },
  { text: 'Nov 22', options: { referenceYear: 2022 }, at: '2022-11-22T00:00:00.000Z' },
  { text: '14 Nov 2023 09:12 UTC', at: '2023-11-14T09:12:00.000Z' },
  { text: '2017-01-31 23:27 UTC', at: '2017-01-31T23:27:00.000Z' },
  { text: 'Jan 31st 2017 at 17:20 UTC', at: '2017-01-31T17:20:00.000Z' },
  { text: 'July 19, 2024 04:09 UTC', at: '2024-07-19T04:09:00.000Z' },
  { text: '19 July 2024, 05:27 UTC', at: '2024-07-19T05:27:00.000Z' },
  { text: 'July 19, 2024 04:09', at: '2024-07-19T04:09:00.000Z', timeWithoutZone: true },
  { text: '2024-07-19', at: '2024-07-19T00:00:00.000Z' },
  { text: '2023-11-14T09:12:00Z', at: '2023-11-14T09:12:00.000Z' },
  { text: '2023-11-14T09:12:00+01:00', at: '2023-11-14T08:12:00.000Z' },
  { text: '2023-11-14 09:12 +02:00', at: '2023-11-14T07:12:00.000Z' },
  { text: 'November 14 2023 at 3pm CET', at: '2023-11-14T14:00:00.000Z' },
  { text: '2022-04-05 07:38 UTC', at: '2022-04-05T07:38:00.000Z' },
  { text: '05 April 2022', at: '2022-04-05T00:00:00.000Z' },
  { text: 'restoration completed on April 18, 2022', at: '2022-04-18T00:00:00.000Z' },
  { text: 'Thursday, November 23, 2023', at: '2023-11-23T00:00:00.000Z' },
  { text: 'two weeks after Nov 14, 2023', at: '2023-11-28T00:00:00.000Z' },
  { text: '11/14/2023', at: '2023-11-14T00:00:00.000Z' },
  { text: '14.11.2023', at: '2023-11-14T00:00:00.000Z' },
  { text: '2024/03/04', at: '2024-03-04T00:00:00.000Z' },
  { text: '03/04/2024', at: '2024-03-04T00:00:00.000Z', ambiguous: 'March 4, 2024 (month/day), not April 3, 2024 (day/month)' },
  { text: '03/04/2024 09:12 UTC', at: '2024-03-04T09:12:00.000Z', ambiguous: 'March 4, 2024 (month/day), not April 3, 2024 (day/month)' },
  // Ranges: the start takes the year of the end; a range over New Year ends in the next year.
  { text: 'November 27 – December 5, 2023', at: '2023-11-27T00:00:00.000Z', end: '2023-12-05T00:00:00.000Z' },
  { text: 'Nov 14-17, 2023', at: '2023-11-14T00:00:00.000Z', end: '2023-11-17T00:00:00.000Z' },
  { text: '14–17 November 2023', at: '2023-11-14T00:00:00.000Z', end: '2023-11-17T00:00:00.000Z' },
  { text: 'Dec 28 – Jan 3', options: year2023, at: '2023-12-28T00:00:00.000Z', end: '2024-01-03T00:00:00.000Z' },
  { text: 'from 2024-07-19 04:09 to 05:27 UTC', at: '2024-07-19T04:09:00.000Z', end: '2024-07-19T05:27:00.000Z' },
  // Time zones: the front matter's zone, with its summer time; a zone in the text wins.
  { text: '2023-11-14 09:12', options: { timezone: 'Europe/Zurich' }, at: '2023-11-14T08:12:00.000Z', timeWithoutZone: true },
  { text: '2024-07-19 04:09', options: { timezone: 'America/New_York' }, at: '2024-07-19T08:09:00.000Z' },
  { text: '2024-01-19 04:09', options: { timezone: 'America/New_York' }, at: '2024-01-19T09:09:00.000Z' },
  { text: '2024-07-19', options: { timezone: 'Asia/Tokyo' }, at: '2024-07-18T15:00:00.000Z' },
  { text: '2024-07-19 04:09 UTC', options: { timezone: 'Asia/Tokyo' }, at: '2024-07-19T04:09:00.000Z', timeWithoutZone: false },
  // A clock time that does not exist (spring forward) is read with the offset before the change; a repeated one is the first.
  { text: '2024-03-10 02:30', options: { timezone: 'America/New_York' }, at: '2024-03-10T07:30:00.000Z' },
  { text: '2023-11-05 01:30', options: { timezone: 'America/New_York' }, at: '2023-11-05T05:30:00.000Z' },
  // A time without a date takes the date of the event before it, as a clock in its zone shows it.
  { text: '23:27 UTC', options: after('2017-01-31T17:20:00Z'), at: '2017-01-31T23:27:00.000Z' },
  { text: '- 23:27 UTC — primary database directory removed', options: after('2017-01-31T17:20:00Z'), at: '2017-01-31T23:27:00.000Z' },
  { text: '11:00 PDT', options: after('2024-07-19T12:00:00Z'), at: '2024-07-19T18:00:00.000Z' },
  { text: '09:12', options: after('2023-11-14T20:00:00Z', { timezone: 'Asia/Tokyo' }), at: '2023-11-15T00:12:00.000Z' },
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
  // Unreadable, with what was read when something was.
  { text: 'The date of the ongoing/reported major outage.', at: 'unreadable' },
  { text: 'sometime last week', at: 'unreadable' },
  { text: 'YYYY-MM-DD HH:MM UTC', at: 'unreadable' },
  { text: 'Feb 30, 2023', at: 'unreadable' },
  { text: 'October 2023', at: 'unreadable' },
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
    assert.ok(CASES.length >= 40);
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
      assert.equal(reading.end?.toISOString(), c.end, label);
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
    assert.ok(yearless.kind === 'date' && yearless.yearInferred && !yearless.dateInferred && !yearless.hasTime);
    const timeOnly = readDate('09:12 UTC', after('2023-11-14T00:00:00Z'));
    assert.ok(timeOnly.kind === 'date' && timeOnly.dateInferred && timeOnly.hasTime && !timeOnly.yearInferred);
    const written = readDate('2023-11-14 09:12 UTC', year2023);
    assert.ok(written.kind === 'date' && !written.yearInferred && !written.dateInferred && written.hasTime);
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
    for (const line of ['Contained within 2 hours, 3 days later than planned.', 'Rotation of over 5,000 production credentials.', 'Forensic examination of 4,893 systems.', 'CVE-2023-22515 in version 8.5.3 from 10.0.0.1', 'Users reported services down']) {
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
