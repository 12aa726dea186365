/**
 * Zone abbreviations that chrono reads as one fixed offset although they mean something else: the generic US
 * zones follow summer time ("10:00 ET" in July is 14:00 UTC, not 15:00), so they are read in their IANA zone.
 */
export const GENERIC_ZONES: Readonly<Record<string, string>> = {
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
};

export interface ZoneReading {
  readonly name: string;
  /** "+05:30". */
  readonly offset: string;
}

/** Abbreviations that name several zones. The first reading is chrono's, the one taken; the others are offered as fixes. */
export const AMBIGUOUS_ZONES: Readonly<Record<string, readonly ZoneReading[]>> = {
  CST: [
    { name: 'US Central Standard Time', offset: '-06:00' },
    { name: 'China Standard Time', offset: '+08:00' },
    { name: 'Cuba Standard Time', offset: '-05:00' },
  ],
  IST: [
    { name: 'India Standard Time', offset: '+05:30' },
    { name: 'Israel Standard Time', offset: '+02:00' },
    { name: 'Irish Standard Time', offset: '+01:00' },
  ],
  BST: [
    { name: 'British Summer Time', offset: '+01:00' },
    { name: 'Bangladesh Standard Time', offset: '+06:00' },
  ],
  AST: [
    { name: 'Atlantic Standard Time', offset: '-04:00' },
    { name: 'Arabia Standard Time', offset: '+03:00' },
  ],
  GST: [
    { name: 'Gulf Standard Time', offset: '+04:00' },
    { name: 'South Georgia Time', offset: '-02:00' },
  ],
};

/** The zone abbreviation a date text ends with ("… 09:12 IST" → IST), with where it stands; null without one. */
export function trailingZoneAbbreviation(text: string): { abbreviation: string; index: number } | null {
  const last = text.charCodeAt(text.length - 1);
  // Most dates end with a digit.
  if (!(last >= 0x41 && last <= 0x5a)) return null;
  const match = /(?<![A-Za-z])([A-Z]{2,4})$/.exec(text);
  return match ? { abbreviation: match[1], index: match.index } : null;
}

/**
 * A zone written in a table's column header: "Time (UTC)", "Time (PT)", "Time (+02:00)", "When (UTC+2)". Gives
 * an IANA zone or a fixed offset in minutes; null when the header names none this reads.
 */
export function zoneOfHeader(header: string): { zone?: string; offsetMinutes?: number; written: string } | null {
  const match = /\(([^()]{1,12})\)/.exec(header);
  if (!match) return null;
  const written = match[1].trim();
  const upper = written.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT' || upper === 'Z') return { zone: 'UTC', written };
  if (GENERIC_ZONES[upper]) return { zone: GENERIC_ZONES[upper], written };
  const offset = /^(?:UTC|GMT)?[ \t]*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(written);
  if (offset) return { offsetMinutes: (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)), written };
  const fixed = FIXED_ZONES[upper];
  return fixed === undefined ? null : { offsetMinutes: fixed, written };
}

/** Abbreviations of one offset each, for column headers; the ambiguous ones take their first reading. */
const FIXED_ZONES: Readonly<Record<string, number>> = {
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  ...Object.fromEntries(Object.entries(AMBIGUOUS_ZONES).map(([name, [first]]) => [name, parseOffset(first.offset)])),
};

function parseOffset(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}
