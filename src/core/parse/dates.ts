import type { ParsedComponents } from 'chrono-node';
import { GB, type ParsedResult } from 'chrono-node/en';
import type { Range } from '../types';
import { RecentCache } from '../text/recentCache';
import { CHRONO_REFERENCE, chronoAt, chronoResults, LINES_KEPT, readWithChrono } from './chrono';
import { isNotApplicable } from './notApplicable';
import { AMBIGUOUS_ZONES, GENERIC_ZONES, trailingZoneAbbreviation, type ZoneReading } from './zoneNames';
import { instantOf, isoDate, wallClockAt, type WallClock } from './zones';

/** How finely a date is written: "October 2023" is a month, "2023-10-14" a day, "2023-10-14 09:12" a minute. */
export const PRECISIONS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Where the zone of a date came from: written with it, a table column's header, or the report's `timezone` (UTC by default). */
export type ZoneSource = 'text' | 'column' | 'report';

export interface ReadDateOptions {
  /** Year of a date written without one ("Nov 14"): the year the incident began. */
  readonly referenceYear?: number;
  /** Gives the day of a time written without a date ("23:27 UTC"): the date of the event before it, or of its sub-heading. */
  readonly referenceDate?: Date;
  /** IANA zone that dates and times written without a zone are read in; default UTC. */
  readonly timezone?: string;
  /** A fixed offset that wins over `timezone` for dates written without a zone ("Time (+02:00)" in a table). */
  readonly offsetMinutes?: number;
  /** Where `timezone` or `offsetMinutes` came from; default `report`. */
  readonly zoneSource?: ZoneSource;
}

/** Where the date stands in the text that was read. */
interface ReadText {
  /** The date as written ("14 Nov 2023 09:12 UTC"). */
  readonly text: string;
  /** UTF-16 offsets into the text passed in. */
  readonly range: Range;
  /** A time of day is written without a zone, so it was read in the zone of the options. */
  readonly timeWithoutZone: boolean;
}

export interface ReadDate extends ReadText {
  readonly kind: 'date';
  /** The first instant the date can mean: the midnight that starts a day, the first of a month. */
  readonly start: Date;
  /** Just after the last instant it can mean, at its precision: the next midnight for a day. */
  readonly startUntil: Date;
  /** The end of a range ("November 27 – December 5, 2023"), as `start` and `startUntil` are for its start. */
  readonly end?: Date;
  readonly endUntil?: Date;
  readonly precision: Precision;
  readonly zoneSource: ZoneSource;
  /** The year came from `referenceYear` (or from the end of a range). */
  readonly yearInferred: boolean;
  /** Only a time is written; the day came from `referenceDate`. */
  readonly dateInferred: boolean;
  /** How a date that reads two ways (03/04/2024) was taken: "March 4, 2024 (month/day), not April 3, 2024 (day/month)". */
  readonly ambiguous?: string;
  /** Both readings of an ambiguous date as ISO calendar dates, the one taken first: ["2024-03-04", "2024-04-03"]. */
  readonly isoReadings?: readonly [taken: string, other: string];
  /** A zone abbreviation that names several zones (CST, IST, BST …): where it stands and what it can mean, the reading taken first. */
  readonly ambiguousZone?: { readonly abbreviation: string; readonly range: Range; readonly readings: readonly ZoneReading[] };
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
  // What chrono makes of it ("Thursday"), to say why it is no date: chrono itself, since a line without a digit is
  // not given to it on the way to a date.
  const partial = readWithChrono(text)[0];
  return partial ? unreadable(partial, `"${textOf(partial)}" is not a calendar date.`) : { kind: 'unreadable', problem: `No date could be read in "${shorten(text)}".` };
}

/**
 * The first date or time in a line of text, or null when there is none. What chrono reads but is no date
 * ("Thursday", "within 2 hours", "3 days later") is passed over.
 */
export function findDate(text: string, options: ReadDateOptions = {}): ReadDate | ReadTime | UnreadableDate | null {
  const results = chronoResults(text);
  // Most lines hold no date whatever the options: they need no reading of their own.
  if (results.length === 0) return null;
  const key = `${options.referenceYear}|${options.referenceDate?.getTime()}|${options.timezone}|${options.offsetMinutes}|${options.zoneSource}|${text}`;
  return readings.get(key, () => results.reduce<Reading | null>((found, result) => found ?? readResult(result, options), null));
}

type Reading = ReadDate | ReadTime | UnreadableDate;

/**
 * Readings by options and text, for the lines read lately: re-reading a document after an edit reads only the lines
 * that changed (and those whose reference date did). Readings are immutable and shared.
 */
const readings = new RecentCache<Reading | null>(LINES_KEPT);

const OTHER_REFERENCE = { instant: new Date(Date.UTC(2010, 5, 15, 12)), timezone: 0 };

function readResult(result: ParsedResult, options: ReadDateOptions): ReadDate | ReadTime | UnreadableDate | null {
  const { start } = result;
  if (isRelativeToNow(result)) return null;
  const hasDay = start.isCertain('day') && start.isCertain('month');
  const hasMonth = start.isCertain('month') && start.isCertain('year');
  if (!hasDay && !hasMonth) return start.isCertain('hour') ? readTime(result, options) : null;
  const year = startYear(result, options.referenceYear);
  if (year === null) return unreadable(result, `"${textOf(result)}" has no year, and the date the incident began gives none.`);
  const startDate = { year: year.value, month: start.get('month')!, day: hasDay ? start.get('day')! : 1 };
  return dateReading(result, startDate, options, year.inferred, false);
}

/** "3 days later", "within 2 hours": chrono counts from its reference; "two weeks after Nov 14, 2023" it need not. */
function isRelativeToNow(result: ParsedResult): boolean {
  if (!result.tags().has('result/relativeDate')) return false;
  const elsewhere = chronoAt(result.text, OTHER_REFERENCE)[0];
  return !elsewhere || elsewhere.start.date().getTime() !== result.start.date().getTime();
}

function readTime(result: ParsedResult, options: ReadDateOptions): ReadDate | ReadTime {
  if (!options.referenceDate) {
    return { kind: 'time', text: textOf(result), range: rangeOf(result), timeWithoutZone: hasTimeWithoutZone(result) };
  }
  const zone = zoneOf(result, result.start, options);
  const reference = options.referenceDate.getTime();
  const day = zone.offsetMinutes === undefined ? wallClockAt(reference, zone.iana) : wallClockAt(reference + zone.offsetMinutes * 60_000, 'UTC');
  return dateReading(result, { year: day.year, month: day.month, day: day.day }, options, false, true);
}

interface Zone {
  readonly iana: string;
  readonly offsetMinutes?: number;
  readonly source: ZoneSource;
}

/** The zone a date is read in: written with it (a generic US zone by its IANA zone), else the options'. */
function zoneOf(result: ParsedResult, components: ParsedComponents, options: ReadDateOptions): Zone {
  const written = components.isCertain('timezoneOffset') ? (components.get('timezoneOffset') ?? undefined) : undefined;
  if (written !== undefined) {
    const generic = GENERIC_ZONES[trailingZoneAbbreviation(textOf(result))?.abbreviation ?? ''];
    return generic ? { iana: generic, source: 'text' } : { iana: 'UTC', offsetMinutes: written, source: 'text' };
  }
  return { iana: options.timezone ?? 'UTC', offsetMinutes: options.offsetMinutes, source: options.zoneSource ?? 'report' };
}

// Built property by property: in V8 an object spread followed by more properties is ~100 times slower, and this
// runs for every dated line of a report.
function dateReading(result: ParsedResult, startDate: CalendarDate, options: ReadDateOptions, yearInferred: boolean, dateInferred: boolean): ReadDate {
  const ambiguity = ambiguityOf(result, startDate);
  const zone = zoneOf(result, result.start, options);
  const precision = precisionOf(result.start);
  const startWall = wall(startDate, result.start);
  const end = result.end ? endOf(result, result.end, startDate, options) : undefined;
  return {
    kind: 'date',
    text: textOf(result),
    range: rangeOf(result),
    timeWithoutZone: hasTimeWithoutZone(result),
    start: new Date(instantOf(startWall, zone.iana, zone.offsetMinutes)),
    startUntil: new Date(untilOf(startWall, precision, zone)),
    end: end?.start,
    endUntil: end?.until,
    precision,
    zoneSource: zone.source,
    yearInferred,
    dateInferred,
    ambiguous: ambiguity?.description,
    isoReadings: ambiguity?.isoReadings,
    ambiguousZone: ambiguousZoneOf(result),
  };
}

/** The finest component written: seconds, minutes, hours, else the day, else the month. */
function precisionOf(components: ParsedComponents): Precision {
  if (components.isCertain('second')) return 'second';
  if (components.isCertain('minute')) return 'minute';
  if (components.isCertain('hour')) return 'hour';
  if (components.isCertain('day')) return 'day';
  return components.isCertain('month') ? 'month' : 'year';
}

/** Just after the last instant a date of this precision stands for: the next day's midnight, the next month's first, … */
function untilOf(start: WallClock, precision: Precision, zone: Zone): number {
  const next = { ...start };
  switch (precision) {
    case 'year':
      return instantOf({ ...next, year: start.year + 1, month: 1, day: 1 }, zone.iana, zone.offsetMinutes);
    case 'month':
      return instantOf(start.month === 12 ? { ...next, year: start.year + 1, month: 1, day: 1 } : { ...next, month: start.month + 1, day: 1 }, zone.iana, zone.offsetMinutes);
    case 'day': {
      const date = new Date(Date.UTC(start.year, start.month - 1, start.day + 1));
      return instantOf({ ...next, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, zone.iana, zone.offsetMinutes);
    }
    default:
      return instantOf(start, zone.iana, zone.offsetMinutes) + { hour: 3_600_000, minute: 60_000, second: 1000 }[precision];
  }
}

/** The zone abbreviation of the date, when it names several zones. */
function ambiguousZoneOf(result: ParsedResult): ReadDate['ambiguousZone'] {
  const text = textOf(result);
  const trailing = trailingZoneAbbreviation(text);
  const readings = trailing && AMBIGUOUS_ZONES[trailing.abbreviation];
  if (!trailing || !readings) return undefined;
  const start = rangeOf(result).start + trailing.index;
  return { abbreviation: trailing.abbreviation, range: { start, end: start + trailing.abbreviation.length }, readings };
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
function endOf(result: ParsedResult, end: ParsedComponents, startDate: CalendarDate, options: ReadDateOptions): { start: Date; until: Date } {
  let endDate = startDate;
  if (end.isCertain('day') && end.isCertain('month')) {
    const month = end.get('month')!;
    const day = end.get('day')!;
    const wraps = !end.isCertain('year') && month * 100 + day < startDate.month * 100 + startDate.day;
    endDate = { year: end.isCertain('year') ? end.get('year')! : startDate.year + (wraps ? 1 : 0), month, day };
  }
  const written = end.isCertain('timezoneOffset') ? end : result.start;
  const zone = zoneOf(result, written, options);
  const endWall = wall(endDate, end);
  return { start: new Date(instantOf(endWall, zone.iana, zone.offsetMinutes)), until: new Date(untilOf(endWall, precisionOf(end), zone)) };
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

// Made at first use: a process's first Intl.DateTimeFormat loads the time zone data (~15 ms), which activation and a
// CLI that reads no ambiguous date need not wait for.
let longDates: Intl.DateTimeFormat | undefined;

/** "March 4, 2024". */
function longDate(date: CalendarDate): string {
  longDates ??= new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  return longDates.format(instantOf({ year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, millisecond: 0 }, 'UTC'));
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

/**
 * Whether `a` lies before `b` at every reading of the two: its interval (a whole day for a date without a time)
 * ends before `b`'s begins. Dates whose intervals overlap never contradict each other.
 */
export function isBefore(a: ReadDate, b: ReadDate): boolean {
  return a.startUntil.getTime() <= b.start.getTime();
}

/** Whether a precision has a time of day. */
export function hasTimeOfDay(precision: Precision): boolean {
  return precision === 'hour' || precision === 'minute' || precision === 'second';
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) <= PRECISIONS.indexOf(b) ? a : b;
}
