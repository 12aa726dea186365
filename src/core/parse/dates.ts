import type { Range } from '../types';
import { chronoDates, writtenDates } from './chrono';
import { isNotApplicable } from './notApplicable';
import { AMBIGUOUS_ZONES, GENERIC_ZONES, trailingZoneAbbreviation, type ZoneReading } from './zoneNames';
import { instantOf, isoDate, wallClockAt, type WallClock } from './zones';
import type { Written, WrittenDate } from './writtenDate';

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
  const partial = chronoDates(text)[0];
  return partial ? unreadable(partial, `"${textOf(partial)}" is not a calendar date.`) : { kind: 'unreadable', problem: `No date could be read in "${shorten(text)}".` };
}

/**
 * The first date or time in a line of text, or null when there is none. What chrono reads but is no date
 * ("Thursday", "within 2 hours", "3 days later") is passed over.
 */
export function findDate(text: string, options: ReadDateOptions = {}): ReadDate | ReadTime | UnreadableDate | null {
  for (const date of writtenDates(text)) {
    const reading = readWritten(date, options);
    if (reading) return reading;
  }
  return null;
}

/** A date as the options read it; null for one counted from now ("3 days later") or a weekday alone. */
function readWritten(date: WrittenDate, options: ReadDateOptions): ReadDate | ReadTime | UnreadableDate | null {
  const { start } = date;
  if (date.relativeToNow) return null;
  const hasDay = start.day !== undefined && start.month !== undefined;
  const hasMonth = start.month !== undefined && start.year !== undefined;
  if (!hasDay && !hasMonth) return start.hour !== undefined ? readTime(date, options) : null;
  const year = startYear(date, options.referenceYear);
  if (year === null) return unreadable(date, `"${textOf(date)}" has no year, and the date the incident began gives none.`);
  return dateReading(date, { year: year.value, month: start.month!, day: hasDay ? start.day! : 1 }, options, year.inferred, false);
}

function readTime(date: WrittenDate, options: ReadDateOptions): ReadDate | ReadTime {
  if (!options.referenceDate) {
    return { kind: 'time', text: textOf(date), range: rangeOf(date), timeWithoutZone: hasTimeWithoutZone(date) };
  }
  const zone = zoneOf(date.start, options, trailingZoneAbbreviation(textOf(date)));
  const reference = options.referenceDate.getTime();
  const day = zone.offsetMinutes === undefined ? wallClockAt(reference, zone.iana) : wallClockAt(reference + zone.offsetMinutes * 60_000, 'UTC');
  return dateReading(date, { year: day.year, month: day.month, day: day.day }, options, false, true);
}

interface Zone {
  readonly iana: string;
  readonly offsetMinutes?: number;
  readonly source: ZoneSource;
}

type TrailingZone = ReturnType<typeof trailingZoneAbbreviation>;

/** The zone a date is read in: written with it (a generic US zone, by the abbreviation it ends with, in its IANA zone), else the options'. */
function zoneOf(components: Written, options: ReadDateOptions, trailing: TrailingZone): Zone {
  const written = components.timezoneOffset;
  if (written !== undefined) {
    const generic = trailing && GENERIC_ZONES[trailing.abbreviation];
    return generic ? { iana: generic, source: 'text' } : { iana: 'UTC', offsetMinutes: written, source: 'text' };
  }
  return { iana: options.timezone ?? 'UTC', offsetMinutes: options.offsetMinutes, source: options.zoneSource ?? 'report' };
}

// Built property by property: in V8 an object spread followed by more properties is ~100 times slower, and this
// runs for every dated line of a report.
function dateReading(date: WrittenDate, startDate: CalendarDate, options: ReadDateOptions, yearInferred: boolean, dateInferred: boolean): ReadDate {
  const text = textOf(date);
  const range = rangeOf(date);
  const trailing = trailingZoneAbbreviation(text);
  const ambiguity = ambiguityOf(date, startDate);
  const zone = zoneOf(date.start, options, trailing);
  const precision = precisionOf(date.start);
  const startWall = wall(startDate, date.start);
  const startInstant = instantOf(startWall, zone.iana, zone.offsetMinutes);
  const end = date.end ? endOf(date.start, date.end, startDate, options, trailing) : undefined;
  return {
    kind: 'date',
    text,
    range,
    timeWithoutZone: hasTimeWithoutZone(date),
    start: new Date(startInstant),
    startUntil: new Date(untilOf(startWall, startInstant, precision, zone)),
    end: end?.start,
    endUntil: end?.until,
    precision,
    zoneSource: zone.source,
    yearInferred,
    dateInferred,
    ambiguous: ambiguity?.description,
    isoReadings: ambiguity?.isoReadings,
    ambiguousZone: ambiguousZoneOf(trailing, range),
  };
}

/** The finest component written: seconds, minutes, hours, else the day, else the month. */
function precisionOf(components: Written): Precision {
  if (components.second !== undefined) return 'second';
  if (components.minute !== undefined) return 'minute';
  if (components.hour !== undefined) return 'hour';
  if (components.day !== undefined) return 'day';
  return components.month !== undefined ? 'month' : 'year';
}

const UNIT_MILLISECONDS = { hour: 3_600_000, minute: 60_000, second: 1000 } as const;

/** Just after the last instant a date of this precision stands for (`instant`): the next day's midnight, the next month's first, … */
function untilOf(start: WallClock, instant: number, precision: Precision, zone: Zone): number {
  if (precision === 'hour' || precision === 'minute' || precision === 'second') return instant + UNIT_MILLISECONDS[precision];
  // The first day after the interval: the calendar carries a 13th month or a 32nd day over (setUTCFullYear, unlike
  // Date.UTC, reads the years 0 to 99 as written).
  const next = new Date(0);
  if (precision === 'year') next.setUTCFullYear(start.year + 1, 0, 1);
  else if (precision === 'month') next.setUTCFullYear(start.year, start.month, 1);
  else next.setUTCFullYear(start.year, start.month - 1, start.day + 1);
  return instantOf({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 }, zone.iana, zone.offsetMinutes);
}

/** The zone abbreviation the date ends with, when it names several zones. */
function ambiguousZoneOf(trailing: TrailingZone, range: Range): ReadDate['ambiguousZone'] {
  const readings = trailing && AMBIGUOUS_ZONES[trailing.abbreviation];
  if (!trailing || !readings) return undefined;
  const start = range.start + trailing.index;
  return { abbreviation: trailing.abbreviation, range: { start, end: start + trailing.abbreviation.length }, readings };
}

/** The written year; else the year of the range's end ("November 27 – December 5, 2023"); else the reference year. */
function startYear({ start, end }: WrittenDate, referenceYear: number | undefined): { value: number; inferred: boolean } | null {
  if (start.year !== undefined) return { value: start.year, inferred: false };
  if (end?.year !== undefined) {
    // The start's day is written (a month without a year is read only with one); the end's may not be.
    const startsLater = start.month! * 100 + start.day! > (end.month ?? start.month!) * 100 + (end.day ?? start.day!);
    return { value: startsLater ? end.year - 1 : end.year, inferred: true };
  }
  return referenceYear === undefined ? null : { value: referenceYear, inferred: true };
}

type CalendarDate = Pick<WallClock, 'year' | 'month' | 'day'>;

/** The end of a range: on the start's day when only a time is written, in the next year when it would come first. */
function endOf(start: Written, end: Written, startDate: CalendarDate, options: ReadDateOptions, trailing: TrailingZone): { start: Date; until: Date } {
  let endDate = startDate;
  if (end.day !== undefined && end.month !== undefined) {
    const { month, day } = end;
    const wraps = end.year === undefined && month * 100 + day < startDate.month * 100 + startDate.day;
    endDate = { year: end.year ?? startDate.year + (wraps ? 1 : 0), month, day };
  }
  const zone = zoneOf(end.timezoneOffset !== undefined ? end : start, options, trailing);
  const endWall = wall(endDate, end);
  const endInstant = instantOf(endWall, zone.iana, zone.offsetMinutes);
  return { start: new Date(endInstant), until: new Date(untilOf(endWall, endInstant, precisionOf(end), zone)) };
}

/** Chrono reads 03/04/2024 month first; when reading it day first gives another date, say so. */
function ambiguityOf({ dayFirst }: WrittenDate, startDate: CalendarDate): { description: string; isoReadings: [string, string] } | null {
  if (!dayFirst || (dayFirst.month === startDate.month && dayFirst.day === startDate.day)) return null;
  const otherDate = { year: startDate.year, month: dayFirst.month, day: dayFirst.day };
  return {
    description: `${longDate(startDate)} (month/day), not ${longDate(otherDate)} (day/month)`,
    isoReadings: [isoDate(startDate), isoDate(otherDate)],
  };
}

function wall(date: CalendarDate, components: Written): WallClock {
  const timed = components.hour !== undefined;
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: timed ? components.hour! : 0,
    minute: timed ? (components.minute ?? 0) : 0,
    second: timed ? (components.second ?? 0) : 0,
    millisecond: timed ? (components.millisecond ?? 0) : 0,
  };
}

/** What was read, without the spaces chrono sometimes takes along ("Nov 13 — …" reads "Nov 13 "). */
function textOf(date: WrittenDate): string {
  return date.text.trim();
}

function rangeOf(date: WrittenDate): Range {
  const start = date.index + date.text.length - date.text.trimStart().length;
  return { start, end: start + textOf(date).length };
}

/** A time of day is written, at the start or the end of a range, and no zone anywhere. */
function hasTimeWithoutZone({ start, end }: WrittenDate): boolean {
  const timed = start.hour !== undefined || end?.hour !== undefined;
  const zoned = start.timezoneOffset !== undefined || end?.timezoneOffset !== undefined;
  return timed && !zoned;
}

function unreadable(date: WrittenDate, problem: string): UnreadableDate {
  return { kind: 'unreadable', read: textOf(date), readRange: rangeOf(date), problem };
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
