import type { Timeline } from '../../core/timeline/types';
import { formatDuration, formatEventTime } from '../../core/timeline/format';
import { printable } from '../color';

/** One line per event (date and time in the timeline's zone, phase, text), then the metrics. */
export function formatTimelineText(timeline: Timeline): string {
  const rows = timeline.events.map((event) => [formatEventTime(event, timeline.timezone) ?? 'date unknown', event.phase ?? '', printable(event.text)] as const);
  const whenWidth = Math.max(0, ...rows.map(([time]) => time.length));
  const phaseWidth = Math.max(0, ...rows.map(([, phase]) => phase.length));
  const lines = [`Timeline (times in ${timeline.timezone})`, ''];
  if (rows.length === 0) lines.push('No events.');
  for (const [time, phase, text] of rows) lines.push(`${time.padEnd(whenWidth)}  ${phase.padEnd(phaseWidth)}  ${text}`.trimEnd());
  const { timeToDetectSeconds, timeToContainSeconds, timeToRecoverSeconds } = timeline.metrics;
  lines.push('', `Time to detect:  ${duration(timeToDetectSeconds)}`, `Time to contain: ${duration(timeToContainSeconds)}`, `Time to recover: ${duration(timeToRecoverSeconds)}`);
  return `${lines.join('\n')}\n`;
}

/** "3 d 4 h", "45 min"; "unknown" when a date is missing. */
function duration(seconds: number | null): string {
  return seconds === null ? 'unknown' : formatDuration(seconds);
}
