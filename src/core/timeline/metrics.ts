import type { ReadDate } from '../parse/dates';
import type { EventRole, PlacedEvent, TimelineMetrics } from './types';

type Dated = PlacedEvent & { readonly reading: ReadDate };

/** The metrics as the README defines them; each null when a date it needs is missing. */
export function timelineMetrics(placed: readonly PlacedEvent[]): TimelineMetrics {
  const dated = placed.filter((p): p is Dated => p.reading !== null);
  const withRole = (role: EventRole) => dated.filter((p) => p.source.role === role);
  const start = withRole('incident-start')[0]?.reading.start ?? earliest(dated.filter((p) => p.source.category === 'attack' || p.source.category === 'impact'));
  const detected = withRole('discovery')[0]?.reading.start ?? earliest(dated.filter((p) => p.source.category === 'detection'));
  const contained = earliest(withRole('containment'));
  const recovered = latest(withRole('recovery'));
  return {
    start: start ? start.toISOString() : null,
    timeToDetectSeconds: secondsBetween(start, detected),
    timeToContainSeconds: secondsBetween(start, contained),
    timeToRecoverSeconds: secondsBetween(start, recovered),
  };
}

function earliest(events: readonly Dated[]): Date | null {
  return events.reduce<Date | null>((found, { reading }) => (!found || reading.start < found ? reading.start : found), null);
}

/** The latest instant among the events, counting the end of a range. */
function latest(events: readonly Dated[]): Date | null {
  return events.reduce<Date | null>((found, { reading }) => {
    const last = reading.end ?? reading.start;
    return !found || last > found ? last : found;
  }, null);
}

function secondsBetween(from: Date | null, to: Date | null): number | null {
  return from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : null;
}
