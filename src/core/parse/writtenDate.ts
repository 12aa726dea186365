/** The components of a date or time that are written (chrono's "certain" ones); the others are undefined. */
export type Written = { readonly [component in DateComponent]?: number };

type DateComponent = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'timezoneOffset';

/**
 * A date or time as a line writes it: what every reading of it starts from, whatever year, day or zone it is then
 * read with. Plain data, kept for the lines read lately, so that reading a line again costs no parse.
 */
export interface WrittenDate {
  /** UTF-16 offset of `text` in the line. */
  readonly index: number;
  /** As read, with any space chrono takes along ("Nov 13 " in "Nov 13 — …"). */
  readonly text: string;
  readonly start: Written;
  /** The end of a range ("November 27 – December 5, 2023"). */
  readonly end: Written | null;
  /** Counted from the moment of reading ("3 days later", "in 2 hours"): it names no date of its own. */
  readonly relativeToNow: boolean;
  /** A numeric date read month first (03/04/2024): its month and day read day first, when that reading has both. */
  readonly dayFirst: { readonly month: number; readonly day: number } | null;
}

/** Components with every one present, undefined where not written: one object shape for every reader. */
export function written(
  year?: number,
  month?: number,
  day?: number,
  hour?: number,
  minute?: number,
  second?: number,
  millisecond?: number,
  timezoneOffset?: number,
): Written {
  return { year, month, day, hour, minute, second, millisecond, timezoneOffset };
}
