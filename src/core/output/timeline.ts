import type { Timeline, TimelineEvent, TimelineMetrics } from '../timeline/types';
import { isoDate, pad, wallClockAt, zoneAbbreviation } from '../parse/zones';

/** The timeline as the CLI prints it: events by time (undated last), instants in UTC, lines 1-based. */
export interface TimelineJson {
  events: { at: string | null; end: string | null; text: string; phase: string | null; line: number }[];
  metrics: Omit<TimelineMetrics, 'start'>;
}

export function timelineToJson(timeline: Timeline): TimelineJson {
  return {
    events: timeline.events.map(({ at, end, text, phase, line }) => ({ at, end, text, phase, line: line + 1 })),
    metrics: {
      timeToDetectSeconds: timeline.metrics.timeToDetectSeconds,
      timeToContainSeconds: timeline.metrics.timeToContainSeconds,
      timeToRecoverSeconds: timeline.metrics.timeToRecoverSeconds,
    },
  };
}

const MAX_TEXT = 140;

/**
 * A fenced Mermaid `timeline` block that GitHub renders: one section per run of events of the same phase,
 * one period per day or time (in the timeline's zone), undated events last under "Date unknown".
 */
export function timelineToMermaid(timeline: Timeline, title: string): string {
  const lines = ['```mermaid', 'timeline', `    title ${mermaidText(title)}`];
  let section: string | undefined;
  let period: string | undefined;
  for (const event of timeline.events) {
    const eventSection = mermaidText(event.phase ?? 'Other');
    if (eventSection !== section) {
      lines.push(`    section ${eventSection}`);
      section = eventSection;
      period = undefined;
    }
    const eventPeriod = periodLabel(event, timeline.timezone);
    const text = mermaidText(shorten(event.text || eventSection));
    lines.push(eventPeriod === period ? `        ${' '.repeat(period.length)} : ${text}` : `        ${eventPeriod} : ${text}`);
    period = eventPeriod;
  }
  if (timeline.events.length === 0) lines.push('        No dated events : The report has no timeline yet');
  lines.push('```');
  return lines.join('\n') + '\n';
}

/** "2023-11-14", "2023-11-14 09∶12 UTC" (a ratio sign: a colon would end the period), "2023-11-27 – 2023-12-05". */
function periodLabel(event: TimelineEvent, zone: string): string {
  if (!event.at) return 'Date unknown';
  const start = instantLabel(Date.parse(event.at), event.hasTime, zone);
  return event.end ? `${start} – ${instantLabel(Date.parse(event.end), event.hasTime, zone)}` : start;
}

function instantLabel(instant: number, hasTime: boolean, zone: string): string {
  const wall = wallClockAt(instant, zone);
  const day = isoDate(wall);
  if (!hasTime) return day;
  return mermaidText(`${day} ${pad(wall.hour)}:${pad(wall.minute)} ${zoneAbbreviation(instant, zone)}`);
}

/**
 * Text Mermaid's timeline grammar takes as it is: a colon separates events and ends periods, `#` and `%%` start
 * comments, `;` ends a statement, `<`/`>` read as HTML. Each becomes a look-alike that means nothing to Mermaid.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/:/g, '∶')
    .replace(/#/g, '＃')
    .replace(/;/g, ',')
    .replace(/%%+/g, '%')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .trim();
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text;
}
