/** A calendar date and time of day, as a clock on the wall in some zone shows it. */
export interface WallClock {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone, made once; null for a name Intl does not know. */
function zoneFormatter(zone: string, purpose: 'parts' | 'name'): Intl.DateTimeFormat | null {
  const key = `${purpose} ${zone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(
        'en-US',
        purpose === 'name'
          ? { timeZone: zone, timeZoneName: 'short' }
          : { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
      );
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Names of UTC, read without Intl: the first DateTimeFormat a process makes loads the time zone data (~10 ms), not
 * needed for the zone most reports use.
 */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT']);

/** Null for UTC, and for a name Intl does not know (read as UTC: the front matter rule reports it). */
function partsFormatter(zone: string): Intl.DateTimeFormat | null {
  return UTC_NAMES.has(zone) ? null : zoneFormatter(zone, 'parts');
}

/** "UTC", "GMT+1", "PST": the zone's short name at the instant. */
export function zoneAbbreviation(instant: number, zone: string): string {
  return zoneFormatter(zone, 'name')?.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'UTC';
}

function utcMilliseconds(wall: WallClock): number {
  const { year, month, day, hour, minute, second, millisecond } = wall;
  // Date.UTC reads the years 0 to 99 as 1900 to 1999.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** What a clock in the IANA zone shows at the instant. */
export function wallClockAt(instant: number, zone: string): WallClock {
  const formatter = partsFormatter(zone);
  if (!formatter) {
    const date = new Date(instant);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond: date.getUTCMilliseconds(),
    };
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year,
    month: values.month,
    day: values.day,
    hour: values.hour,
    minute: values.minute,
    second: values.second,
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** Minutes the zone is ahead of UTC at the instant. */
function zoneOffsetMinutes(instant: number, zone: string): number {
  return Math.round((utcMilliseconds(wallClockAt(instant, zone)) - instant) / MINUTE);
}

/** Probes one day either side of the wall time read as UTC: zone offsets reach ±14 h, so the true instant lies between them. */
const PROBE = 24 * 60 * MINUTE;

/**
 * The instant a wall clock in the zone shows the given time. `offsetMinutes` (from the text, "+02:00", "CET")
 * wins over the zone. A time that occurs twice (autumn) is the first; one that does not occur (spring) is read
 * with the offset from before the change, as `Temporal`'s "compatible" disambiguation does.
 */
export function instantOf(wall: WallClock, zone: string, offsetMinutes?: number): number {
  const asUtc = utcMilliseconds(wall);
  if (offsetMinutes !== undefined) return asUtc - offsetMinutes * MINUTE;
  if (!partsFormatter(zone)) return asUtc;
  const before = asUtc - zoneOffsetMinutes(asUtc - PROBE, zone) * MINUTE;
  const after = asUtc - zoneOffsetMinutes(asUtc + PROBE, zone) * MINUTE;
  if (before === after) return before;
  const shows = (instant: number) => utcMilliseconds(wallClockAt(instant, zone)) === asUtc;
  if (shows(before)) return shows(after) ? Math.min(before, after) : before;
  return shows(after) ? after : before;
}

/** `2023-11-14` for a wall clock. */
export function isoDate(wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const knownZones = new Map<string, boolean>();

/** Whether Intl knows the zone; remembered, because building a DateTimeFormat is slow. */
export function isIanaTimeZone(name: string): boolean {
  if (UTC_NAMES.has(name)) return true;
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(name, known);
  }
  return known;
}
