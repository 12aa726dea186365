import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { chronoDates } from '../../src/core/parse/chrono';
import { readCommonDate } from '../../src/core/parse/commonDates';
import type { WrittenDate } from '../../src/core/parse/writtenDate';
import { loadCorpus } from '../property/corpus';
import { readProjectFile, ROOT } from './helpers';

const two = (n: number) => String(n).padStart(2, '0');
const MONTH_NAMES = ['Jan', 'January', 'Feb', 'February', 'Mar', 'March', 'Mar.', 'Apr', 'April', 'May', 'June', 'Jun', 'July', 'Jul', 'Aug', 'August', 'Sep', 'Sept', 'Sept.', 'September', 'Oct', 'October', 'Nov', 'Nov.', 'November', 'Dec', 'December', 'march', 'MAR', 'May.'];

const year = fc.integer({ min: 1999, max: 2031 });
/** Mostly valid values, sometimes one just out of range. */
const mostly = (min: number, max: number, outside: number) => fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 6 }, { arbitrary: fc.constantFrom(min - 1, outside), weight: 1 });
const month = mostly(1, 12, 13);
const day = mostly(1, 28, 32);
const hour = mostly(0, 23, 24);
const minute = mostly(0, 59, 60);
const zone = fc.constantFrom('', ' UTC', ' GMT', ' utc', ' EST', ' CET', 'Z', ' (UTC)', ' +02:00', '+0200', ' UTC+2', ' PST');
const time = fc.tuple(hour, minute, fc.option(fc.integer({ min: 0, max: 61 })), fc.boolean(), zone).map(([h, m, s, pad, z]) => `${pad ? two(h) : h}:${two(m)}${s === null ? '' : `:${two(s)}`}${z}`);

/** Dates in the forms the reader knows, with values in and out of range, and near misses of those forms. */
const date = fc.oneof(
  fc.tuple(year, month, day, fc.option(time)).map(([y, m, d, t]) => `${y}-${two(m)}-${two(d)}${t === null ? '' : ` ${t}`}`),
  fc
    .tuple(year, month, day, hour, minute, fc.option(fc.integer({ min: 0, max: 59 })), fc.option(fc.integer({ min: 0, max: 999 })), fc.constantFrom('', 'Z', '+02:00', '-05:30', '+0530', '+02'))
    .map(([y, m, d, h, mi, s, ms, z]) => `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}${s === null ? '' : `:${two(s)}${ms === null ? '' : `.${ms}`}`}${z}`),
  fc.tuple(fc.constantFrom(...MONTH_NAMES), day, year, fc.option(time), fc.constantFrom(', ', ',', ' ')).map(([m, d, y, t, comma]) => `${m} ${d}${comma}${y}${t === null ? '' : ` ${t}`}`),
  fc.tuple(day, fc.constantFrom(...MONTH_NAMES), year, fc.option(time)).map(([d, m, y, t]) => `${d} ${m} ${y}${t === null ? '' : ` ${t}`}`),
  time,
  fc.tuple(year, month, day).map(([y, m, d]) => `${m}/${d}/${y}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 })).map(([y, m, d]) => `${y}-${m}-${d}`),
);
/** Field labels, and words a label could hold that chrono reads something in. */
const label = fc
  .tuple(fc.constantFrom('', '- ', '> '), fc.constantFrom('**', '__', ''), fc.constantFrom('Date/Time', 'Discovery Date', 'Detected', 'Time (UTC)', 'At', 'From', 'On', 'Until', 'Since', 'Monday', 'Mon', 'Thursday update', 'Weekend', 'Sun', 'Sunny', 'Fri', 'Today', 'Tonight', 'Noon', 'First seen', 'Second', 'the first of', 'March', 'May', 'Mar update', 'Decision', 'Sept', 'In the morning', "O'clock", 'Later', 'Ago', 'Within', 'T', 'Z', 'UTC', 'PST', 'at night', 'Q&A', "Writer's note"), fc.constantFrom(':** ', ':**  ', ': ', ':__ ', ':**', ':*'))
  .map(([marker, bold, words, close]) => `${marker}${bold}${words}${bold ? close : close.replace(/[*_]/g, '')}`);
/** Prose before a date, with the words chrono may read something in or take with the date. */
const proseBefore = fc
  .array(fc.constantFrom('Stopped', 'the', 'migration', 'recovered', 'checkout', 'service', 'at', 'on', 'from', 'by', 'since', 'until', 'till', 'to', 'through', 'after', 'before', 'between', 'and', 'of', 'in', 'within', 'for', 'around', 'about', 'two', 'three', 'a', 'few', 'half', 'an', 'days', 'hours', 'weeks', 'later', 'ago', 'earlier', 'Monday', 'Sun', 'tonight', 'today', 'noon', 'this', 'next', 'last', 'early', 'mid', 'late', 'first', 'second', 'twenty-first', 'T', 'Z', 'UTC', 'PST', 'EST', 'summary', 'March', 'may', 'decided', 'o', "o'clock", 'morning', 'night', '_', '**', '(', ','), { minLength: 1, maxLength: 6 })
  .map((words) => `${words.join(' ')} `);
const prefix = fc.oneof(
  { arbitrary: fc.constantFrom('', '- ', '| ', '- **'), weight: 3 },
  { arbitrary: fc.constantFrom('', '- ', '* ', '| ', '> ', '**', '- **', '(', '[', '1. ', 'On ', 'on ', 'at ', 'Thursday ', 'Thu, ', 'Early ', 'Detected ', 'ws-', 'v', '#', '_', '__', 'x_'), weight: 1 },
  { arbitrary: label, weight: 2 },
  { arbitrary: proseBefore, weight: 2 },
  { arbitrary: fc.tuple(label, proseBefore).map(([a, b]) => `${a}${b}`), weight: 1 },
);
const connector = fc.oneof({ arbitrary: fc.constantFrom('', ':', ' – ', ' - '), weight: 3 }, { arbitrary: fc.constantFrom('', ':', ' ', ' - ', ' – ', ' — ', '-', '–', ', ', ',', '.', ' at ', ' to ', ' until ', ' and ', ' T', 'T', ' Z', ' (', '|', '**', ' ~ ', ', at ', ': ', '. ', ' -', ') '), weight: 2 });
const tail = fc.oneof({ arbitrary: fc.constantFrom('', 'The SOC reset', 'EDR alert', 'the attacker', 'ws-12 down'), weight: 3 }, { arbitrary: fc.constantFrom('10:30', '11:45 UTC', 'EST', 'UTC', 'pm', 'PM', 'a.m.', 'March 16', 'Mar 16, 2024', '2024-03-16', 'x', 'noon', 'ws-12 down', 'UTC)', '+02:00', '5', '.5 hours', 'the attacker', 'EDR alert', 'in the morning', 'o\'clock', 'yesterday', '3 days later', 'at 10:15', 'on Monday', 'T10:15', 'Z', 'Dec 1', 'at night', 'PDT'), weight: 2 });
const line = fc.tuple(prefix, date, connector, tail).map((parts) => parts.join(''));

/** Prose with numbers, identifiers, versions, money, durations, months and times: what timeline lines around dates say. */
const word = fc.constantFrom('the', 'host-12', 'INC-42', 'T1059.001', 'v2.0.1', 'SHA-256', 'EUR', '2.1', 'million', '41', 'file', 'servers', 'at', 'on', 'by', 'in', '2023', 'Q3', 'week', '12', 'hosts', '3', 'days', 'hours', 'later', 'ago', 'noon', 'midnight', 'Thursday', 'March', 'mar', 'may', 'Sept.', '14th', 'of', '10', 'pm', 'AM', 'a.m.', "o'clock", '1345Z', '13h45', '20240314', 'kb/12', '3/4', '10:15', '14.03.2024', '(', ')', ',', '-', '–', 'T+2', 'x1', 'and', 'within', 'tonight', 'from', 'until', 'by', 'around', 'about', 'in the morning', 'at night', 'in the evening', 'before', 'after', 'to', 'through', 'h', 'hrs', 'min', 'UTC', 'GMT', 'CET', 'ws12', 'SHA256', 'T1059', 'v2', 'x86_64', 'a1b2',
  // Near the shapes chrono reads numbers in: ranges, meridiems, zones after a number, "at"/"from" glued to one.
  'till', '~', '?', '—', 'PST', 'IST', 'ET', '(CET)', '(UTC)', 'utc', 'a', 'p', 'am', 'x', 'o', 'clock', 'night', 'morning', 'afternoon', 'the', 'at3', 'from9', 'Tat', '10am', '3pm', '12.30', '1.10', 'x12/03', 'v1.2.2024', '12.5.2024', '2023', '1', '7', '24', '100', '443', '1345', 'hrs', 'EUR', 'TCP', 'ws-7', 'kb/5', '(T1021.002)', 'T1566.001', '10.0.0.1', '203.0.113[.]47', '2.10', '1021.002', '12.305', '1.5.2024', '1may', '1stmarch', 'firstmay', '3ofmarch', '2024march', 'twentieth', 'summary', 'decrypt', 'over', 'new', 'min', 'WAT', 'CAT', 'ACDT', 'NZST', '5)', '3,', '12,', 'CET,');
/** Words joined by spaces, or now and then by nothing or punctuation, so that numbers also meet words and signs head on. */
const joiner = fc.oneof({ arbitrary: fc.constant(' '), weight: 8 }, { arbitrary: fc.constantFrom('', ',', ', ', '(', ')', '-', '/', '.', ':', '  ', '\t'), weight: 1 });
const prose = fc.array(fc.tuple(word, joiner), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([w, j]) => w + j).join('').trim());
/** Short runs of the characters chrono's patterns are made of, in any order: shapes no word list thinks of. */
const shards = fc.string({ unit: fc.constantFrom(...'0123456789  :./-–,()~?apmtofrnsdhclkyujbgvAPMTUCESGIDNZ'), minLength: 1, maxLength: 14 });

/**
 * What a reader of dates takes: a day, a month of a year, or a time; not a time relative to now ("hours later"),
 * which it passes over (one relative to a date names the date's month, so it is never skipped).
 */
function isReadable({ start, relativeToNow }: WrittenDate): boolean {
  return !relativeToNow && ((start.day !== undefined && start.month !== undefined) || (start.month !== undefined && start.year !== undefined) || start.hour !== undefined);
}

suite('common date forms read without chrono', () => {
  test('a line they say holds no date gives chrono nothing to read as a date or a time (40,000 generated lines)', () => {
    let skipped = 0;
    fc.assert(
      fc.property(fc.oneof(prose, shards), (text) => {
        const fast = readCommonDate(text);
        if (fast === null || fast.length > 0) return;
        skipped++;
        assert.deepEqual(chronoDates(text).filter(isReadable).map((date) => date.text), [], JSON.stringify(text));
      }),
      { numRuns: 40_000, seed: 20261207 },
    );
    assert.ok(skipped > 4_000, `skipped ${skipped} of 40,000 lines`);
  });

  test('a line of the seeds, fixtures and examples they say holds no date gives chrono nothing to read either', () => {
    const lines = [...loadCorpus(ROOT).flat(), ...readProjectFile('test', 'fixtures', 'seeds', '001-cloudflare-article.txt').split('\n')];
    const skipped = lines.filter((text) => readCommonDate(text)?.length === 0 && /\d/.test(text));
    for (const text of skipped) assert.deepEqual(chronoDates(text).filter(isReadable).map((date) => date.text), [], JSON.stringify(text));
    assert.ok(skipped.length >= 10, `skipped ${skipped.length} lines with numbers`);
  });

  test('whatever line they answer for, they read its first date exactly as chrono does (10,000 generated lines)', () => {
    let answered = 0;
    fc.assert(
      fc.property(line, (text) => {
        const fast = readCommonDate(text);
        if (fast === null) return;
        answered++;
        assert.ok(fast.length <= 1);
        const slow = chronoDates(text);
        if (fast.length === 0) assert.deepEqual(slow.filter(isReadable), [], JSON.stringify(text));
        else assert.deepEqual(fast[0], slow[0], JSON.stringify(text));
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
    assert.ok(answered > 400, `answered ${answered} of 10,000 lines`);
  });

  test('they answer for the forms timelines write most, and leave words, ranges, zone names and slashes to chrono', () => {
    const answered = [
      '- 2024-03-14 10:15 UTC: EDR quarantined loader-12.exe on ws-12.',
      '- **Date/Time:** 2024-03-14 10:05 UTC',
      'Detected: 14 March 2024',
      '- **Containment measures:** Stopped the migration at 2024-03-14 10:05 UTC.',
      'Service recovered on March 14, 2024.',
      '- Mar 14, 2024 10:15 – Firewall blocked outbound traffic',
      '- 14 March 2024: The SOC reset credentials',
      '- 2024-03-15T10:05:00Z — Backup job verified',
      '- 10:35 UTC: Containment step',
      '| 2024-03-14 10:15 |',
      '2024-03-14',
      'No date here at all',
    ];
    for (const text of answered) {
      const fast = readCommonDate(text);
      assert.ok(fast !== null, text);
      assert.deepEqual(fast[0], chronoDates(text)[0], text);
    }
    const left = ['Recovered on 14 March 2024', 'Paged at 10:15 UTC', 'Two days after 2024-03-14', '- **March update:** 2024-03-14', 'Since: 3/4/2024', 'Phase 2: 2024-03-14', 'On 14 March 2024 the SOC', '2024-03-14 to 2024-03-16', 'March 22-23, 2019', '10:15 EST', '10:15 pm', '03/04/2024', '2024-02-30', 'Thursday 2024-03-14', '2024-03-14 at 10:15', '11:40 +05:30'];
    for (const text of left) assert.equal(readCommonDate(text), null, text);
  });
});
