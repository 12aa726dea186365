import type { Precision } from '../parse/dates';
import { isoDate, pad, wallClockAt, zoneAbbreviation } from '../parse/zones';
import { formatInstant } from '../timeline/format';
import type { Metric, Timeline, TimelineEvent } from '../timeline/types';

/** The timeline as the CLI prints it: events by time (undated last), instants in UTC, lines 1-based. */
export interface TimelineJson {
  events: { at: string | null; end: string | null; precision: Precision | null; text: string; phase: string | null; line: number }[];
  metrics: {
    timeToDetectSeconds: number | null;
    timeToContainSeconds: number | null;
    timeToRecoverSeconds: number | null;
    precision: { timeToDetect: Precision | null; timeToContain: Precision | null; timeToRecover: Precision | null };
  };
}

export function timelineToJson(timeline: Timeline): TimelineJson {
  const { timeToDetect, timeToContain, timeToRecover } = timeline.metrics;
  return {
    events: timeline.events.map(({ at, end, precision, text, phase, line }) => ({ at, end, precision, text, phase, line: line + 1 })),
    metrics: {
      timeToDetectSeconds: timeToDetect?.seconds ?? null,
      timeToContainSeconds: timeToContain?.seconds ?? null,
      timeToRecoverSeconds: timeToRecover?.seconds ?? null,
      precision: { timeToDetect: precisionOf(timeToDetect), timeToContain: precisionOf(timeToContain), timeToRecover: precisionOf(timeToRecover) },
    },
  };
}

function precisionOf(metric: Metric | null): Precision | null {
  return metric?.precision ?? null;
}

/**
 * Mermaid's own escape for a character: an entity code (`#58;` for `:`), which Mermaid turns back into the
 * character when it renders. Every character its grammars give a meaning (`:` separates, `#` and `%%` start
 * comments, `;` ends a statement, `<`, `>` and `&` are HTML) is written so; the text itself is never changed.
 */
function escapeCharacter(character: string): string {
  return `#${character.codePointAt(0)};`;
}

/** What a line of a gantt chart may not start with, since Mermaid reads it as a statement or a date. */
const KEYWORDS = /^(?:timeline|title|section|acc(?:Title|Descr)|gantt|dateFormat|axisFormat|tickInterval|inclusiveEndDates|topAxis|includes|excludes|todayMarker|weekday|weekend|click|call|href|\d{4}-\d{2}-\d{2})/i;

/** Text Mermaid reads as it is, on one line. */
export function escapeMermaid(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[#:;<>&%]/g, escapeCharacter);
}

/** The same, for text that starts a line of a gantt chart: a leading keyword or date gets its first character escaped. */
function ganttText(text: string): string {
  const escaped = escapeMermaid(text);
  return KEYWORDS.test(escaped) ? escapeCharacter(escaped[0]) + escaped.slice(1) : escaped;
}

const UNDATED = 'Date unknown';

/**
 * The timeline's events in runs of one phase, undated ones last in one section; a phase that comes back gets a
 * numbered section ("Lateral Movement (2)"): Mermaid merges sections of the same name, which would redraw events
 * out of order.
 */
function sections(timeline: Timeline): { name: string; events: TimelineEvent[] }[] {
  const runs: { phase: string; events: TimelineEvent[] }[] = [];
  for (const event of timeline.events) {
    const phase = event.at ? (event.phase ?? 'Other') : UNDATED;
    const last = runs.at(-1);
    if (last && last.phase === phase) last.events.push(event);
    else runs.push({ phase, events: [event] });
  }
  const seen = new Map<string, number>();
  return runs.map(({ phase, events }) => {
    const count = (seen.get(phase) ?? 0) + 1;
    seen.set(phase, count);
    return { name: count === 1 ? phase : `${phase} (${count})`, events };
  });
}

/**
 * A fenced Mermaid `timeline` block that GitHub renders: a section per run of events of one phase (unique names, in
 * time order), a period per date or time (in the timeline's zone), undated events last under "Date unknown".
 */
export function timelineToMermaid(timeline: Timeline, title: string): string {
  const lines = ['```mermaid', 'timeline', `    title ${escapeMermaid(title)}`];
  for (const section of sections(timeline)) {
    lines.push(`    section ${escapeMermaid(section.name)}`);
    let period: string | undefined;
    for (const event of section.events) {
      const eventPeriod = periodLabel(event, timeline.timezone);
      const text = escapeMermaid(event.text || section.name);
      lines.push(eventPeriod === period ? `        : ${text}` : `        ${eventPeriod} : ${text}`);
      period = eventPeriod;
    }
  }
  if (timeline.events.length === 0) lines.push('        No dated events : The report has no timeline yet');
  lines.push('```');
  return lines.join('\n') + '\n';
}

/** "2023-11-14", "2023-11-14 09:12 UTC", "2023-11-27 – 2023-12-05", as finely as the date is written; an undated event's phase. */
function periodLabel(event: TimelineEvent, zone: string): string {
  if (!event.at || !event.precision) return escapeMermaid(event.phase ?? 'Other');
  const label = (iso: string) => {
    const text = formatInstant(iso, event.precision!, zone);
    return event.precision === 'hour' || event.precision === 'minute' || event.precision === 'second' ? `${text} ${zoneAbbreviation(Date.parse(iso), zone)}` : text;
  };
  return escapeMermaid(event.end ? `${label(event.at)} – ${label(event.end)}` : label(event.at));
}

/**
 * A fenced Mermaid `gantt` block: a section per run of one phase, a bar for each date written as a day, a month or
 * a range (from its start to the end of its last day), a milestone for a time. Times are the timeline zone's wall
 * clock, which the title names. Undated events have no place on the axis and are left out.
 */
export function timelineToGantt(timeline: Timeline, title: string): string {
  const lines = ['```mermaid', 'gantt', `    title ${escapeMermaid(`${title} (times in ${timeline.timezone})`)}`, '    dateFormat YYYY-MM-DD HH:mm', '    axisFormat %Y-%m-%d'];
  let task = 0;
  for (const section of sections({ ...timeline, events: timeline.events.filter((event) => event.at) })) {
    lines.push(`    section ${escapeMermaid(section.name)}`);
    for (const event of section.events) {
      const id = `e${task++}`;
      const start = ganttTime(Date.parse(event.at!), timeline.timezone);
      const text = ganttText(event.text || section.name);
      if (event.end || event.precision === 'day' || event.precision === 'month' || event.precision === 'year') {
        lines.push(`    ${text} : ${id}, ${start}, ${ganttTime(spanEnd(event, timeline.timezone), timeline.timezone)}`);
      } else {
        lines.push(`    ${text} : milestone, ${id}, ${start}, 0m`);
      }
    }
  }
  lines.push('```');
  return lines.join('\n') + '\n';
}

/** The end of the span a day, month or range covers: the day after its last day (a range of times ends at its end). */
function spanEnd(event: TimelineEvent, zone: string): number {
  const last = Date.parse(event.end ?? event.at!);
  if (event.precision !== 'day' && event.precision !== 'month' && event.precision !== 'year') return last;
  const wall = wallClockAt(last, zone);
  const days = event.end || event.precision === 'day' ? 1 : event.precision === 'month' ? daysInMonth(wall.year, wall.month) : 365;
  return last + days * 86_400_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2023-11-14 09:12" on the zone's wall clock. */
function ganttTime(instant: number, zone: string): string {
  const wall = wallClockAt(instant, zone);
  return `${isoDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}
