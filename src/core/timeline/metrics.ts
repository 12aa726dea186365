import { coarser, type ReadDate } from '../parse/dates';
import type { EventRole, Metric, PlacedEvent, StartReason, TimelineMetrics } from './types';

type Dated = PlacedEvent & { readonly reading: ReadDate };

/** The events each metric is measured between, for the metrics and for the checks that they do not contradict. */
export interface MetricEnds {
  readonly start: { readonly event: Dated; readonly reason: StartReason } | null;
  readonly detected: Dated | null;
  readonly contained: Dated | null;
  readonly recovered: Dated | null;
}

/**
 * Start: the incident's start date, else the earliest attack or impact event. Detection: the discovery date, else
 * the earliest detection event. Containment: the earliest containment step; recovery: the latest recovery step,
 * the end of a range counting.
 */
export function metricEnds(placed: readonly PlacedEvent[]): MetricEnds {
  const dated = placed.filter((p): p is Dated => p.reading !== null);
  const withRole = (role: EventRole) => dated.filter((p) => p.source.roles.includes(role));
  const incident = withRole('incident-start')[0];
  const attackOrImpact = earliest(dated.filter((p) => p.source.category === 'attack' || p.source.category === 'impact'));
  return {
    start: incident ? { event: incident, reason: 'incident-start' } : attackOrImpact ? { event: attackOrImpact, reason: 'earliest-attack-or-impact' } : null,
    detected: withRole('discovery')[0] ?? earliest(dated.filter((p) => p.source.category === 'detection')),
    contained: earliest(withRole('containment')),
    recovered: latest(withRole('recovery')),
  };
}

/** The metrics as the README defines them; each null when a date it needs is missing. */
export function timelineMetrics(ends: MetricEnds): TimelineMetrics {
  const from = ends.start?.event ?? null;
  return {
    start: ends.start ? { eventId: ends.start.event.id, at: ends.start.event.reading.start.toISOString(), reason: ends.start.reason } : null,
    timeToDetect: metric(from, ends.detected, false),
    timeToContain: metric(from, ends.contained, false),
    timeToRecover: metric(from, ends.recovered, true),
  };
}

/** Seconds between the interval starts (a recovery range's end), as finely as the coarser end is written. */
function metric(from: Dated | null, to: Dated | null, toEndOfRange: boolean): Metric | null {
  if (!from || !to) return null;
  const toInstant = toEndOfRange && to.reading.end ? to.reading.end : to.reading.start;
  return {
    seconds: Math.round((toInstant.getTime() - from.reading.start.getTime()) / 1000),
    precision: coarser(from.reading.precision, to.reading.precision),
    from: from.reading.start.toISOString(),
    to: toInstant.toISOString(),
    eventId: to.id,
  };
}

function earliest(events: readonly Dated[]): Dated | null {
  return events.reduce<Dated | null>((found, p) => (!found || p.reading.start < found.reading.start ? p : found), null);
}

/** The event that ends last, counting the end of a range. */
function latest(events: readonly Dated[]): Dated | null {
  const last = (p: Dated) => (p.reading.end ?? p.reading.start).getTime();
  return events.reduce<Dated | null>((found, p) => (!found || last(p) > last(found) ? p : found), null);
}
