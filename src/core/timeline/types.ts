import type { Diagnostic, Range, ReportKind } from '../types';

/** Whether a phase belongs to the adversary's (or failure's) side or to the responders'. */
export type PhaseCategory = 'attack' | 'impact' | 'detection' | 'response' | 'recovery' | 'detail';

export interface TimelineEvent {
  /** Stable within one timeline: `e0`, `e1`, … in source order. */
  readonly id: string;
  /** ISO 8601 instant in UTC (`…Z`), or null for an undated event ("Unknown", "N/A", no date). */
  readonly at: string | null;
  /** End of a range ("November 27 – December 5, 2023"), else null. */
  readonly end: string | null;
  /** A time of day was written; a date alone stands for the midnight that starts the day (in `Timeline.timezone`). */
  readonly hasTime: boolean;
  readonly text: string;
  /** The phase or section the event belongs to ("Initial Access", "Response Actions"), or null. */
  readonly phase: string | null;
  readonly category: PhaseCategory;
  /** 0-based line of the event's source. */
  readonly line: number;
  /** The whole source of the event (a field line, a list item). */
  readonly range: Range;
  /** Where the date text stands, when there is one. */
  readonly dateRange: Range | null;
}

export interface TimelineMetrics {
  /** The instant metrics are measured from (Incident Date, else the earliest attack or failure event). */
  readonly start: string | null;
  readonly timeToDetectSeconds: number | null;
  readonly timeToContainSeconds: number | null;
  readonly timeToRecoverSeconds: number | null;
}

export interface Timeline {
  readonly kind: ReportKind | null;
  /** IANA zone dates without a zone were read in (the front matter's `timezone`, else UTC); show dates in it. */
  readonly timezone: string;
  /** Year given to dates written without one: the Incident Date's, when it has one. */
  readonly referenceYear: number | null;
  /** Events sorted by time, undated ones last in source order. */
  readonly events: readonly TimelineEvent[];
  readonly metrics: TimelineMetrics;
  readonly diagnostics: readonly Diagnostic[];
}
