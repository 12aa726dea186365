import type { ParsedComponents } from 'chrono-node';
import { GB, strict, type ParsedResult } from 'chrono-node/en';
import { isNotApplicable } from './notApplicable';
import { instantOf, isoDate, wallClockAt, type WallClock } from './zones';
import type { Range } from '../types';

export interface ReadDateOptions {
  /** Year of a date written without one ("Nov 14"): the Incident Date's. */
  readonly referenceYear?: number;
  /** Gives the day of a time written without a date ("23:27 UTC"): the date of the event before it. */
  readonly referenceDate?: Date;
  /** IANA zone that dates and times written without a zone are read in; default UTC. */
  readonly timezone?: string;
}

/** Where the date stands in the text that was read. */
interface ReadText {
  /** The date as written ("14 Nov 2023 09:12 UTC"). */
  readonly text: string;
  /** UTF-16 offsets into the text passed in. */
  readonly range: Range;
  /** A time of day is written without a zone, so it was read in `options.timezone`. */
  readonly timeWithoutZone: boolean;
}

export interface ReadDate extends ReadText {
  readonly kind: 'date';
  readonly start: Date;
  /** End of a range ("November 27 – December 5, 2023"). */
  readonly end?: Date;
  /** A time of day is written; a date alone stands for the midnight that starts the day. */
  readonly hasTime: boolean;
  /** The year came from `referenceYear` (or from the end of a range). */
  readonly yearInferred: boolean;
  /** Only a time is written; the day came from `referenceDate`. */
  readonly dateInferred: boolean;
  /** How a date that reads two ways (03/04/2024) was taken: "March 4, 2024 (month/day), not April 3, 2024 (day/month)". */
  readonly ambiguous?: string;
  /** Both readings of an ambiguous date as ISO calendar dates, the one taken first: ["2024-03-04", "2024-04-03"]. */
  readonly isoReadings?: readonly [taken: string, other: string];
}

/** A time of day without a date, read when no `referenceDate` was given. */
export interface ReadTime extends ReadText {
  readonly kind: 'time';
}

/** "Unknown", "Not specified", "N/A", "TBD", blank: the writer says the date is not known. */
interface UnknownDate {
  readonly kind: 'unknown';
}

export interface UnreadableDate {
  readonly kind: 'unreadable';
  /** What was read, when something was: "Thursday", "Nov 14". */
  readonly read?: string;
  /** Where `read` stands in the text. */
  readonly readRange?: Range;
  /** Why no date came of it, as a sentence for a diagnostic. */
  readonly problem: string;
}

export type DateReading = ReadDate | ReadTime | UnknownDate | UnreadableDate;

const UNKNOWN_FORMS =
  /^(?:unknown|unspecified|undetermined|undisclosed|unclear|not (?:yet |explicitly |publicly |precisely |clearly )?(?:known|specified|stated|disclosed|available|reported|provided|determined|confirmed|given|identified)|tbd|tba|tbc|to be (?:determined|confirmed|announced)|pending|none)(?=$|[\s.,;:!()])/i;

/** Whether the writer says the date is not known, in one of the forms reports use. */
export function isUnknownDate(text: string): boolean {
  const plain = text.replace(/[*_`]/g, '').trim();
  return /^[-—–?]*$/.test(plain) || UNKNOWN_FORMS.test(plain) || isNotApplicable(plain);
}

/**
 * Reads the value of a date field ("2023-11-14 09:12 UTC", "Nov 14", "Unknown"). The first date in the text counts.
 * Never throws.
 */
export function readDate(text: string, options: ReadDateOptions = {}): DateReading {
  if (isUnknownDate(text)) return { kind: 'unknown' };
  const found = findDate(text, options);
  if (found) return found;
  const partial = parseWithChrono(text)[0];
  return partial ? unreadable(partial, `"${textOf(partial)}" is not a calendar date.`) : { kind: 'unreadable', problem: `No date could be read in "${shorten(text)}".` };
}

/**
 * The first date or time in a line of text, or null when there is none. What chrono reads but is no date
 * ("Thursday", "within 2 hours", "3 days later") is passed over.
 */
export function findDate(text: string, options: ReadDateOptions = {}): ReadDate | ReadTime | UnreadableDate | null {
  for (const result of parseWithChrono(text)) {
    const reading = readResult(result, options);
    if (reading) return reading;
  }
  return null;
}

// Only the components chrono is certain of are used; a fixed reference keeps the rest from depending on the clock.
const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
const OTHER_REFERENCE = { instant: new Date(Date.UTC(2010, 5, 15, 12)), timezone: 0 };
const CACHE_GENERATION = 50_000;
let recentParses = new Map<string, ParsedResult[]>();
let olderParses = new Map<string, ParsedResult[]>();

/**
 * Chrono's results for a text. Chrono takes ~0.1 ms a line, so results are kept by text for two generations:
 * while a document is edited, only the lines that changed are parsed again.
 */
function parseWithChrono(text: string): ParsedResult[] {
  const recent = recentParses.get(text);
  if (recent) return recent;
  // A flat copy (concatenating, then slicing, flattens) for the key and for chrono, so that neither keeps alive
  // the whole document the line was sliced from.
  const own = ` ${text}`.slice(1);
  const results = olderParses.get(text) ?? strict.parse(own, CHRONO_REFERENCE);
  if (recentParses.size >= CACHE_GENERATION) {
    olderParses = recentParses;
    recentParses = new Map();
  }
  recentParses.set(own, results);
  return results;
}

function readResult(result: ParsedResult, options: ReadDateOptions): ReadDate | ReadTime | UnreadableDate | null {
  const { start } = result;
  if (isRelativeToNow(result)) return null;
  const hasDay = start.isCertain('day') && start.isCertain('month');
  const hasMonth = start.isCertain('month') && start.isCertain('year');
  if (!hasDay && !hasMonth) return start.isCertain('hour') ? readTime(result, options) : null;
  const year = startYear(result, options.referenceYear);
  if (year === null) return unreadable(result, `"${textOf(result)}" has no year, and the date the incident began gives none.`);
  const startDate = { year: year.value, month: start.get('month')!, day: hasDay ? start.get('day')! : 1 };
  return dateReading(result, startDate, options.timezone ?? 'UTC', year.inferred, false);
}

/** "3 days later", "within 2 hours": chrono counts from its reference; "two weeks after Nov 14, 2023" it need not. */
function isRelativeToNow(result: ParsedResult): boolean {
  if (!result.tags().has('result/relativeDate')) return false;
  const elsewhere = strict.parse(result.text, OTHER_REFERENCE)[0];
  return !elsewhere || elsewhere.start.date().getTime() !== result.start.date().getTime();
}

function readTime(result: ParsedResult, options: ReadDateOptions): ReadDate | ReadTime {
  if (!options.referenceDate) {
    return { kind: 'time', text: textOf(result), range: rangeOf(result), timeWithoutZone: hasTimeWithoutZone(result) };
  }
  const zone = options.timezone ?? 'UTC';
  const offset = certainOffset(result.start);
  const reference = options.referenceDate.getTime();
  const day = offset === undefined ? wallClockAt(reference, zone) : wallClockAt(reference + offset * 60_000, 'UTC');
  return dateReading(result, { year: day.year, month: day.month, day: day.day }, zone, false, true);
}

// Built property by property: in V8 an object spread followed by more properties is ~100 times slower, and this
// runs for every dated line of a report.
function dateReading(result: ParsedResult, startDate: CalendarDate, zone: string, yearInferred: boolean, dateInferred: boolean): ReadDate {
  const ambiguity = ambiguityOf(result, startDate);
  return {
    kind: 'date',
    text: textOf(result),
    range: rangeOf(result),
    timeWithoutZone: hasTimeWithoutZone(result),
    start: new Date(instantOf(wall(startDate, result.start), zone, certainOffset(result.start))),
    end: result.end ? endOf(result, result.end, startDate, zone) : undefined,
    hasTime: result.start.isCertain('hour'),
    yearInferred,
    dateInferred,
    ambiguous: ambiguity?.description,
    isoReadings: ambiguity?.isoReadings,
  };
}

/** The written year; else the year of the range's end ("November 27 – December 5, 2023"); else the reference year. */
function startYear(result: ParsedResult, referenceYear: number | undefined): { value: number; inferred: boolean } | null {
  const { start, end } = result;
  if (start.isCertain('year')) return { value: start.get('year')!, inferred: false };
  if (end?.isCertain('year')) {
    const endYear = end.get('year')!;
    const startsLater = start.get('month')! * 100 + start.get('day')! > end.get('month')! * 100 + end.get('day')!;
    return { value: startsLater ? endYear - 1 : endYear, inferred: true };
  }
  return referenceYear === undefined ? null : { value: referenceYear, inferred: true };
}

type CalendarDate = Pick<WallClock, 'year' | 'month' | 'day'>;

/** The end of a range: on the start's day when only a time is written, in the next year when it would come first. */
function endOf(result: ParsedResult, end: ParsedComponents, startDate: CalendarDate, zone: string): Date {
  let endDate = startDate;
  if (end.isCertain('day') && end.isCertain('month')) {
    const month = end.get('month')!;
    const day = end.get('day')!;
    const wraps = !end.isCertain('year') && month * 100 + day < startDate.month * 100 + startDate.day;
    endDate = { year: end.isCertain('year') ? end.get('year')! : startDate.year + (wraps ? 1 : 0), month, day };
  }
  return new Date(instantOf(wall(endDate, end), zone, certainOffset(end) ?? certainOffset(result.start)));
}

/** Chrono reads 03/04/2024 month first; when reading it day first gives another date, say so. */
function ambiguityOf(result: ParsedResult, startDate: CalendarDate): { description: string; isoReadings: [string, string] } | null {
  if (!result.tags().has('parser/SlashDateFormatParser')) return null;
  const dayFirst = GB.parse(result.text, CHRONO_REFERENCE)[0]?.start;
  if (!dayFirst || !dayFirst.isCertain('month') || !dayFirst.isCertain('day')) return null;
  const otherDate = { year: startDate.year, month: dayFirst.get('month')!, day: dayFirst.get('day')! };
  if (otherDate.month === startDate.month && otherDate.day === startDate.day) return null;
  return {
    description: `${longDate(startDate)} (month/day), not ${longDate(otherDate)} (day/month)`,
    isoReadings: [isoDate(startDate), isoDate(otherDate)],
  };
}

function wall(date: CalendarDate, components: ParsedComponents): WallClock {
  const timed = components.isCertain('hour');
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: timed ? components.get('hour')! : 0,
    minute: timed ? (components.get('minute') ?? 0) : 0,
    second: timed ? (components.get('second') ?? 0) : 0,
    millisecond: timed ? (components.get('millisecond') ?? 0) : 0,
  };
}

function certainOffset(components: ParsedComponents): number | undefined {
  return components.isCertain('timezoneOffset') ? (components.get('timezoneOffset') ?? undefined) : undefined;
}

/** What chrono read, without the spaces it sometimes takes along ("Nov 13 — …" reads "Nov 13 "). */
function textOf(result: ParsedResult): string {
  return result.text.trim();
}

function rangeOf(result: ParsedResult): Range {
  const start = result.index + result.text.length - result.text.trimStart().length;
  return { start, end: start + textOf(result).length };
}

/** A time of day is written, at the start or the end of a range, and no zone anywhere. */
function hasTimeWithoutZone({ start, end }: ParsedResult): boolean {
  const timed = start.isCertain('hour') || (end?.isCertain('hour') ?? false);
  const zoned = start.isCertain('timezoneOffset') || (end?.isCertain('timezoneOffset') ?? false);
  return timed && !zoned;
}

function unreadable(result: ParsedResult, problem: string): UnreadableDate {
  return { kind: 'unreadable', read: textOf(result), readRange: rangeOf(result), problem };
}

const LONG_DATE = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

/** "March 4, 2024". */
function longDate(date: CalendarDate): string {
  return LONG_DATE.format(instantOf({ year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, millisecond: 0 }, 'UTC'));
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
