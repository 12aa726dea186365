import type { Timeline, TimelineEvent, TimelineMetrics } from './types';
import { isoDate, pad, wallClockAt } from './zones';

/** The timeline as the CLI prints it: events by time (undated last), instants in UTC, lines 1-based. */
export interface TimelineJson {
  readonly events: readonly {
    readonly at: string | null;
    readonly end: string | null;
    readonly text: string;
    readonly phase: string | null;
    readonly line: number;
  }[];
  readonly metrics: TimelineMetrics;
}

export function timelineToJson(timeline: Timeline): TimelineJson {
  return {
    events: timeline.events.map(({ at, end, text, phase, line }) => ({ at, end, text, phase, line: line + 1 })),
    metrics: { ...timeline.metrics },
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

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "2023-11-14", or "2023-11-14 09∶12 UTC" (a ratio sign: a colon would end the period). */
function periodLabel(event: TimelineEvent, zone: string): string {
  if (!event.at) return 'Date unknown';
  const instant = Date.parse(event.at);
  const wall = wallClockAt(instant, zone);
  const day = isoDate(wall);
  if (!event.hasTime) return day;
  let names = zoneNames.get(zone);
  if (!names) zoneNames.set(zone, (names = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })));
  const zoneName = names.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? zone;
  return mermaidText(`${day} ${pad(wall.hour)}:${pad(wall.minute)} ${zoneName}`);
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
