import type { Timeline, TimelineEvent } from '../../core/timeline/types';
import { isoDate, pad, wallClockAt } from '../../core/timeline/zones';
import { printable } from '../color';

/** One line per event (date and time in the timeline's zone, phase, text), then the metrics. */
export function formatTimelineText(timeline: Timeline): string {
  const rows = timeline.events.map((event) => [when(event, timeline.timezone), event.phase ?? '', printable(event.text)] as const);
  const whenWidth = Math.max(0, ...rows.map(([time]) => time.length));
  const phaseWidth = Math.max(0, ...rows.map(([, phase]) => phase.length));
  const lines = [`Timeline (times in ${timeline.timezone})`, ''];
  if (rows.length === 0) lines.push('No events.');
  for (const [time, phase, text] of rows) lines.push(`${time.padEnd(whenWidth)}  ${phase.padEnd(phaseWidth)}  ${text}`.trimEnd());
  const { timeToDetectSeconds, timeToContainSeconds, timeToRecoverSeconds } = timeline.metrics;
  lines.push('', `Time to detect:  ${duration(timeToDetectSeconds)}`, `Time to contain: ${duration(timeToContainSeconds)}`, `Time to recover: ${duration(timeToRecoverSeconds)}`);
  return `${lines.join('\n')}\n`;
}

function when(event: TimelineEvent, zone: string): string {
  if (!event.at) return 'date unknown';
  const start = instant(event.at, event.hasTime, zone);
  return event.end ? `${start} – ${instant(event.end, event.hasTime, zone)}` : start;
}

function instant(iso: string, withTime: boolean, zone: string): string {
  const wall = wallClockAt(Date.parse(iso), zone);
  return withTime ? `${isoDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}` : isoDate(wall);
}

/** "3d 4h 5m", "45s", "-2h" (detected before the start); "unknown" when a date is missing. */
function duration(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60]] as const) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)}${unit}`);
    rest %= size;
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`);
  return sign + parts.join(' ');
}
