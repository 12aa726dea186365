import type { ParsedComponents } from 'chrono-node';
import { GB, strict, type ParsedResult } from 'chrono-node/en';
import { RecentCache } from '../text/recentCache';
import { monthNumber, readCommonDate } from './commonDates';
import { written, type Written, type WrittenDate } from './writtenDate';

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
const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
/**
 * Lines kept per cache generation: more than the timeline of a 5 MB report has (65,000 lines), so that re-reading
 * it after an edit finds every unchanged line; a smaller generation would turn over in the middle of each reading.
 */
const LINES_KEPT = 100_000;
const linesReadByChrono = new RecentCache<WrittenDate[]>(LINES_KEPT);

/**
 * The dates and times a line writes. Chrono takes 10 to 40 µs a line: the common forms are read without it, and so
 * are lines it would find nothing in (`readCommonDate`, under 1 µs, which is about what keeping its answer would
 * cost). What chrono reads is kept for the lines read lately, so that while a document is edited only the lines that
 * changed are read again.
 */
export function writtenDates(text: string): WrittenDate[] {
  return readCommonDate(text) ?? linesReadByChrono.get(text, chronoDates);
}

/** Chrono's reading of a text, uncached, as written dates. */
export function chronoDates(text: string): WrittenDate[] {
  return chronoResults(text).map(writtenDate);
}

/**
 * Chrono's results for a text, uncached. Dashes become hyphens first (same length, so offsets hold): chrono reads
 * "March 22-23, 2019" as a range but stops at "March 22 – 23, 2019"; each result's text is then as written.
 */
function chronoResults(text: string): ParsedResult[] {
  const results = reader.parse(text.replace(/[–—]/g, '-'), CHRONO_REFERENCE);
  // Chrono's results are plain objects whose `text` is only typed read-only.
  for (const result of results) (result as { text: string }).text = text.slice(result.index, result.index + result.text.length);
  return results;
}

function writtenDate(result: ParsedResult): WrittenDate {
  const { text } = result;
  const tags = result.tags();
  return {
    index: result.index,
    text,
    start: writtenComponents(result.start),
    end: result.end ? writtenComponents(result.end) : null,
    relativeToNow: tags.has('result/relativeDate') && isRelativeToNow(result, text),
    dayFirst: tags.has('parser/SlashDateFormatParser') ? dayFirst(text) : null,
  };
}

/**
 * The components chrono is certain of. A reader takes an unwritten minute, second or millisecond as 0, where chrono
 * would give a range's end the seconds of its start.
 */
function writtenComponents(components: ParsedComponents): Written {
  const value = (component: keyof Written) => (components.isCertain(component) ? (components.get(component) ?? undefined) : undefined);
  return written(value('year'), value('month'), value('day'), value('hour'), value('minute'), value('second'), value('millisecond'), value('timezoneOffset'));
}

const OTHER_REFERENCE = { instant: new Date(Date.UTC(2010, 5, 15, 12)), timezone: 0 };

/** "3 days later", "within 2 hours": chrono counts from its reference; "two weeks after Nov 14, 2023" it need not. */
function isRelativeToNow(result: ParsedResult, text: string): boolean {
  const elsewhere = reader.parse(text, OTHER_REFERENCE)[0];
  return !elsewhere || elsewhere.start.date().getTime() !== result.start.date().getTime();
}

/** Chrono reads 03/04/2024 month first; its British reading gives the month and day read day first. */
function dayFirst(text: string): WrittenDate['dayFirst'] {
  const start = GB.parse(text, CHRONO_REFERENCE)[0]?.start;
  return start?.isCertain('month') && start.isCertain('day') ? { month: start.get('month')!, day: start.get('day')! } : null;
}
