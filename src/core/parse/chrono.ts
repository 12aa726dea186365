import { strict, type ParsedResult } from 'chrono-node/en';
import { RecentCache } from '../text/recentCache';
import { monthNumber, readCommonDate } from './commonDates';

/**
 * Chrono in strict mode with two parsers of its own, added through chrono's parser interface:
 * - a month with its year ("October 2023", "Sept. 2023", "late March 2022"), which is often all a public report
 *   says of an initial access. The month must be capitalised and the year written, so that "may" or "march" in a
 *   sentence, or a year alone, is never a date;
 * - a time with a numeric offset ("11:40 +05:30"), which chrono alone reads as the time "05:30".
 */
const reader = strict.clone();
reader.parsers.push(
  {
    pattern: () =>
      /(?<![\p{L}\d])(?:(?:early|mid|late)[ -])?(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)[ \t]+(\d{4})(?![\p{L}\d])/u,
    extract: (context, match) => {
      const components = context.createParsingComponents({ month: monthNumber(match[1]), year: Number(match[2]) });
      components.addTag('parser/MonthWithYear');
      return components;
    },
  },
  {
    pattern: () => /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]*(?:(?:UTC|GMT)[ \t]*)?([+-])(\d{2}):?(\d{2})(?![\d:])/,
    extract: (context, match) => {
      const offset = (match[4] === '-' ? -1 : 1) * (Number(match[5]) * 60 + Number(match[6]));
      const known: Record<string, number> = { hour: Number(match[1]), minute: Number(match[2]), timezoneOffset: offset };
      if (match[3]) known.second = Number(match[3]);
      return context.createParsingComponents(known);
    },
  },
);

// Only the components chrono is certain of are used; a fixed reference keeps the rest from depending on the clock.
export const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
/**
 * Lines kept per cache generation: more than the timeline of a 5 MB report has (65,000 lines), so that re-reading
 * it after an edit finds every unchanged line; a smaller generation would turn over in the middle of each reading.
 */
export const LINES_KEPT = 100_000;
const parses = new RecentCache<ParsedResult[]>(LINES_KEPT);

/**
 * Chrono's results for a text. Dashes become hyphens first (same length, so offsets hold): chrono reads
 * "March 22-23, 2019" as a range but stops at "March 22 – 23, 2019". Chrono takes ~0.1 ms a line: the common
 * forms are read without it (`readCommonDate`), and results are kept for the lines read lately, so that while a
 * document is edited only the lines that changed are read again.
 */
export function chronoResults(text: string): ParsedResult[] {
  return parses.get(text, (line) => readCommonDate(line, CHRONO_REFERENCE) ?? readWithChrono(line));
}

/** Chrono's reading of a text, uncached, with every result's text as written (its dashes), at the same offsets. */
export function readWithChrono(text: string): ParsedResult[] {
  const results = reader.parse(text.replace(/[–—]/g, '-'), CHRONO_REFERENCE);
  // Chrono's results are plain objects whose `text` is only typed read-only; the dashes are put back in place.
  for (const result of results) (result as { text: string }).text = text.slice(result.index, result.index + result.text.length);
  return results;
}

/** Chrono's reading of the text at another reference: what does not change with it was written, not inferred. */
export function chronoAt(text: string, reference: { instant: Date; timezone: number }): ParsedResult[] {
  return reader.parse(text, reference);
}
