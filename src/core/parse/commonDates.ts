// The date forms reports write on most lines, read without running chrono's dozen parsers and refiners over them:
// chrono takes ~0.1 ms a line, ten times a Markdown parse of it. Each form is read exactly as chrono reads it (same
// result text, offsets and known components: a property test compares the two on generated lines), and anything
// this reader is not sure of (words before the date, a range, a zone name, a.m./p.m., an impossible date) is left
// to chrono, so correctness never rests on this module alone. It also tells the lines in which chrono would find no
// date at all, which are most lines with numbers:
//   2024-03-14            2024-03-14 09:12[:30] [UTC|GMT]     2024-03-14T09:12[:30[.123]][Z|±hh:mm]
//   Mar 14, 2024          March 14, 2024 09:12 [UTC|GMT]      Mar. 14, 2024
//   14 Mar 2024           14 March 2024 09:12 [UTC|GMT]
//   09:12 UTC             09:12[:30] [UTC|GMT]
import { TIMEZONE_ABBR_MAP } from 'chrono-node/timezones';
import { written, type Written, type WrittenDate } from './writtenDate';

// Written out as literals (a ReDoS checker reads every regular expression of the engine): MONTH is
// (jan(?:uary)?|…|dec(?:ember)?), TIME is (\d{1,2}):(\d{2})(?::(\d{2}))?, ZONE is (?:[ \t]+(UTC|GMT))?.

/**
 * The forms, each anchored where the date starts; `read` turns the match into chrono's known components, and
 * `joined` is a word that chrono reads as part of the form when it stands right before it ("on 14 March 2024",
 * "at 10:15").
 */
const FORMS: readonly { readonly pattern: RegExp; readonly read: (match: RegExpExecArray) => Written | null; readonly joined?: RegExp }[] = [
  {
    // ISO 8601 with a "T": chrono's ISO parser, which takes the zone as Z or an offset.
    pattern: /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?/y,
    read: (m) => written(+m[1], +m[2], +m[3], +m[4], +m[5], numberOr(m[6]), numberOr(m[7]), m[8] === undefined ? undefined : m[8] === 'Z' ? 0 : offsetMinutes(m[8])),
  },
  {
    pattern: /(\d{4})-(\d{2})-(\d{2})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(UTC|GMT))?)?/y,
    read: (m) => withTime(+m[1], +m[2], +m[3], m, 4),
  },
  {
    pattern: /(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(\.)?[ \t]+(\d{1,2}),[ \t]*(\d{4})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(UTC|GMT))?)?/iy,
    // "Mar. 14" but not "May. 14": chrono takes the full stop after an abbreviation only.
    read: (m) => (m[2] && !ABBREVIATIONS.has(m[1].toLowerCase()) ? null : withTime(+m[4], monthNumber(m[1]), +m[3], m, 5)),
  },
  {
    pattern: /(\d{1,2})[ \t]+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[ \t]+(\d{4})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(UTC|GMT))?)?/iy,
    read: (m) => withTime(+m[3], monthNumber(m[2]), +m[1], m, 4),
    joined: /\bon\s*$/i,
  },
  {
    pattern: /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(UTC|GMT))?/y,
    read: (m) => withTime(undefined, undefined, undefined, m, 1),
    joined: /\b(?:at|from)\s*$/i,
  },
];

/** The date with the time of the match from group `at` on; null for a zone not in capitals, which chrono does not read. */
function withTime(year: number | undefined, month: number | undefined, day: number | undefined, m: RegExpExecArray, at: number): Written | null {
  if (m[at] === undefined) return written(year, month, day);
  const zone = m[at + 3];
  if (zone !== undefined && zone !== 'UTC' && zone !== 'GMT') return null;
  return written(year, month, day, +m[at], +m[at + 1], numberOr(m[at + 2]), undefined, zone === undefined ? undefined : 0);
}

function numberOr(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : +digits;
}

const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const MONTH_NUMBERS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** 1 to 12 for a month's name or abbreviation ("Sept." counts by its first three letters). */
export function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.slice(0, 3).toLowerCase()];
}

function offsetMinutes(offset: string): number {
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
  return offset[0] === '-' ? -minutes : minutes;
}

/** Only Markdown markup and punctuation before the date. */
const INERT_PREFIX = /^[\s>*_|#+\-:`([]*$/;
/** Longer text before a date is left to chrono, so that the tests below stay cheap. */
const MAX_WORDS_BEFORE = 200;
/**
 * Words chrono reads with a date after them: weekdays ("Monday, 14 March"), units of time ("two days after …") and
 * ordinals ("first March 14" is March 1), at the start of a word.
 */
const JOINED_WORDS =
  /\b(?:mon|tue|wed|thu|fri|sat|sun|week|sec|min|hour|hr|day|month|year|quarter|fortnight|noon|midnight|tonight|today|tomorrow|yesterday|now|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)/i;

/**
 * Whether chrono reads the text before a date (which has no digit: the date starts at the first) as nothing of its
 * own: Markdown markup and punctuation, or words with no month, weekday, unit of time or ordinal in them (a field's
 * label, "- **Containment:** Stopped the migration at "). The forms say which last word chrono would take with the
 * date.
 */
function isInertPrefix(before: string): boolean {
  if (INERT_PREFIX.test(before)) return true;
  return before.length <= MAX_WORDS_BEFORE && !MAY_HOLD_DATE.test(before) && !JOINED_WORDS.test(before);
}
const MONTH_START = /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t]+\d/iy;
/**
 * What may follow a date: the end of the text, punctuation, or a dash that is not a range ("09:12 – Paged the team").
 * Not a time, a zone, a range's end or a word after it: chrono may read them with the date ("… 2024 at 10:15",
 * "… 10:15 pm", "… 01 in the morning"), so such lines are chrono's.
 */
const DATE_ENDS =
  /(?:$|[ \t]*[:;,.|)\]*_`](?![ \t]*(?:[\d+-]|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|(?:at|on|of|from|to|until|till|through|and|by|T)\b))|[ \t]+[–—-][ \t]+(?![ \t]*(?:[\d+-]|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|(?:at|on|of|from|to|until|till|through|and|by|T)\b)))/iy;
/** A zone abbreviation right after the date, which chrono takes in capitals ("… 09:12, CET", "… 09:12 (PST)"), or a bracket it may close. */
const ZONE_AFTER = /(?:[ \t]*(?:,[ \t]*)?\(?[A-Z]{2,5}\b|\))/y;

/**
 * The first date of a line, read as chrono reads it, when it has one of the forms above and nothing around it
 * that chrono could read with it; none when chrono would find no date or time in the line. Null otherwise: ask
 * chrono.
 */
export function readCommonDate(text: string): WrittenDate[] | null {
  if (!MAY_HOLD_DATE.test(text) && !hasHourAndZone(text)) return [];
  const firstDigit = text.search(/\d/);
  // A date in words ("the first of May") is chrono's.
  const start = firstDigit === -1 ? null : dateStart(text, firstDigit);
  if (start === null) return null;
  const before = text.slice(0, start);
  if (!isInertPrefix(before)) return null;
  for (const { pattern, read, joined } of FORMS) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    if (joined?.test(before)) return null;
    const known = read(match);
    if (!known || !isValid(known)) return null;
    DATE_ENDS.lastIndex = ZONE_AFTER.lastIndex = start + match[0].length;
    if (!DATE_ENDS.test(text) || ZONE_AFTER.test(text)) return null;
    return [{ index: start, text: match[0], start: known, end: null, relativeToNow: false, dayFirst: null }];
  }
  return null;
}

/**
 * Whether chrono could read a date or a time in the text. Its parsers need a month's name (at the start of a word,
 * or after a number, "of", an ordinal or an era: "1may", "firstmay", "2024 ADMay" are read too), or numbers in one
 * of a few shapes: an hour and its minutes ("10:15", "12.30"), two joined by a date separator or a range word ("3/4",
 * "2024-03-14", "9 to 5"), a year and a number ("2023 3 10"), "at" or "from" before a number, a number with
 * a.m./p.m., "o'clock" or "in the morning", or an hour of two digits before a zone ("12 CET", below). Numbers
 * otherwise ("41 servers", "10 new hosts", "host-5", "kb/12", "T1021.002") chrono passes over, so its ~10 µs a line
 * are not spent there. Property tests on generated prose and character runs hold chrono to this (a scratch run of
 * 2,000,000 such lines found no exception).
 */
const MAY_HOLD_DATE =
  /(?:(?<![a-z])|of|st|nd|rd|th|be|ad|bc|ce)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:at|from)\s*\d|\d{4}\s\d|\d[.:：]\d{1,2}(?!\d)|\d\s*(?:(?:[-/~〜?–—]|to|until|through|till)\s*\d|(?:(?:a\.m\.|p\.m\.|am?|pm?)\s*)?(?:o\W*clock|at\s*night|in\s*the)|(?:a\.m\.|p\.m\.|am?|pm?)(?![A-Za-z0-9_]))/i;
/** An hour of two digits and a word of two to four letters after it, which chrono takes for a zone if it knows it. */
const HOUR_AND_WORD = /(?<!\d)(?:[01]\d|2[0-4])\s*(?:,\s*)?\(?([A-Za-z]{2,4})(?![A-Za-z0-9_])/g;

/** Whether the text has an hour and a zone abbreviation chrono knows after it ("12 CET"; not "10 new hosts"). */
function hasHourAndZone(text: string): boolean {
  HOUR_AND_WORD.lastIndex = 0;
  for (let match = HOUR_AND_WORD.exec(text); match; match = HOUR_AND_WORD.exec(text)) {
    if (Object.hasOwn(TIMEZONE_ABBR_MAP, match[1].toUpperCase())) return true;
  }
  return false;
}

/** Where a date of one of the forms would start: at a month's name just before the first digit, else at the digit. */
function dateStart(text: string, firstDigit: number): number | null {
  const wordEnd = skipBack(text, firstDigit, isBlank);
  if (wordEnd < firstDigit) {
    const monthAt = skipBack(text, text.charCodeAt(wordEnd - 1) === FULL_STOP ? wordEnd - 1 : wordEnd, isLetter);
    MONTH_START.lastIndex = monthAt;
    // Chrono reads a month's name only after a character that is not a word's ("_March 14" it does not read).
    if (monthAt < wordEnd && !/\w/.test(text.charAt(monthAt - 1)) && MONTH_START.test(text)) return monthAt;
  }
  return /[\w.]/.test(text.charAt(firstDigit - 1)) ? null : firstDigit;
}

const FULL_STOP = 0x2e;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The offset from which, going back from `end`, every character's code passes `test`. */
function skipBack(text: string, end: number, test: (code: number) => boolean): number {
  let start = end;
  while (start > 0 && test(text.charCodeAt(start - 1))) start--;
  return start;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValid({ year, month, day, hour, minute, second }: Written): boolean {
  if (month !== undefined && (month < 1 || month > 12 || day! < 1 || day! > DAYS_IN_MONTH[month - 1])) return false;
  if (month === 2 && day === 29 && !(year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0))) return false;
  return (hour === undefined || hour <= 23) && (minute === undefined || minute <= 59) && (second === undefined || second <= 59);
}
