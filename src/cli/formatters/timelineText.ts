import { formatEventTime, metricLines, startLine } from '../../core/timeline/format';
import type { Timeline } from '../../core/timeline/types';
import { printable } from '../color';

/**
 * One line per event (its date as finely as it is written, in the timeline's zone; its phase; its text), then
 * where the metrics are measured from and the metrics themselves, each as finely as its dates are known.
 */
export function formatTimelineText(timeline: Timeline): string {
  const rows = timeline.events.map((event) => [formatEventTime(event, timeline.timezone) ?? 'date unknown', printable(event.phase ?? ''), printable(event.text)] as const);
  const whenWidth = Math.max(0, ...rows.map(([time]) => time.length));
  const phaseWidth = Math.max(0, ...rows.map(([, phase]) => phase.length));
  const lines = [`Timeline (times in ${timeline.timezone})`, ''];
  if (rows.length === 0) lines.push('No events.');
  for (const [time, phase, text] of rows) lines.push(`${time.padEnd(whenWidth)}  ${phase.padEnd(phaseWidth)}  ${text}`.trimEnd());
  lines.push('', `Measured from:   ${printable(startLine(timeline) ?? 'unknown (no start date)')}`);
  for (const metric of metricLines(timeline)) lines.push(`${`${metric.name}:`.padEnd(17)}${metric.known ? metric.value : `unknown (${metric.detail})`}`);
  return `${lines.join('\n')}\n`;
}
