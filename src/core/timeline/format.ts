import type { TimelineEvent } from './types';
import { isoDate, pad, wallClockAt } from '../parse/zones';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "9 d 0 h", "2 h 15 min", "40 min", "< 1 min": the two largest units, rounded down. */
export function formatDuration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude === 0) return '0 min';
  if (magnitude < MINUTE) return '< 1 min';
  const sign = seconds < 0 ? '−' : '';
  const days = Math.floor(magnitude / DAY);
  const hours = Math.floor((magnitude % DAY) / HOUR);
  const minutes = Math.floor((magnitude % HOUR) / MINUTE);
  if (days > 0) return `${sign}${days} d ${hours} h`;
  if (hours > 0) return `${sign}${hours} h ${minutes} min`;
  return `${sign}${minutes} min`;
}

/** "2023-11-14 09:30", or "2023-11-14" for a date written without a time, on the zone's clock. */
function formatInstant(iso: string, hasTime: boolean, zone: string): string {
  const wall = wallClockAt(Date.parse(iso), zone);
  return hasTime ? `${isoDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}` : isoDate(wall);
}

/** The event's date, or its range "start – end", on the zone's clock; null for an undated event. */
export function formatEventTime(event: TimelineEvent, zone: string): string | null {
  if (!event.at) return null;
  const start = formatInstant(event.at, event.hasTime, zone);
  return event.end ? `${start} – ${formatInstant(event.end, event.hasTime, zone)}` : start;
}
