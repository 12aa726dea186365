import type { Precision, ReadDate } from '../parse/dates';
import type { ReportMatch } from '../template/match';
import type { Range, ReportKind } from '../types';
import type { Diagnostic } from '../diagnostics';

/** What an event is for the metrics, beyond its category. */
export type EventRole = 'incident-start' | 'discovery' | 'attack' | 'detection-phase' | 'containment' | 'recovery';

export interface Classification {
  readonly category: PhaseCategory;
  /** A line that says "rolled back" and "back online" is a containment and a recovery step. */
  readonly roles: readonly EventRole[];
}

/** Something in the report that may be an event: a date field, a line, a table row, or a phase with no date field. */
export interface EventSource extends Classification {
  /**
   * `date-field`: a template date field, read whole ("Unknown" makes an undated event).
   * `line`: a line with a digit; an event only when a date or time is found in it.
   * `row`: a row of a timeline table, its date read from its date and time cells.
   * `summary`: an undated phase, kept only when nothing else in the phase has a date.
   */
  readonly origin: 'date-field' | 'line' | 'row' | 'summary';
  /**
   * The text the date is read from, and the document offset of its first character. For a table row, the text
   * from its date cell to its time cell with everything else blanked, so that offsets still hold.
   */
  readonly dateText: string;
  readonly dateTextOffset: number;
  /** The event's text; for a line, its Markdown source (the date is taken out once it is known). */
  readonly text: string;
  /** The section the event belongs to, by the template's title ("Initial Access"), or the heading as written. */
  readonly phase: string;
  /** What messages call the event's date: the field's name for a date field (a template's "Began"), else the phase. */
  readonly name: string;
  /** Events of the same group are listed in chronological order; null: no order expected. */
  readonly group: string | null;
  readonly line: number;
  readonly range: Range;
  /** A sub-heading of the timeline the event stands under, whose date (if it has one) gives time-only lines their day. */
  readonly heading: { readonly key: number; readonly title: string } | null;
  /** The zone a table row's column header names ("Time (UTC)"). */
  readonly columnZone: { readonly zone?: string; readonly offsetMinutes?: number } | null;
}

/** What the timeline is built from: part of the analysis's context. */
export interface TimelineContext {
  readonly match: ReportMatch;
  readonly kind: ReportKind;
  readonly timezone: string;
  readonly timezoneSet: boolean;
  readonly now?: Date;
}

/** An event with its source and what was read of its date, for the checks and the metrics; the timeline's `TimelineEvent` is made from it. */
export interface PlacedEvent {
  /** The event's `TimelineEvent.id`. */
  readonly id: string;
  readonly source: EventSource;
  /** Null when the event is undated. */
  readonly reading: ReadDate | null;
  /** Where the date text stands in the document, when something was read. */
  readonly dateRange: Range | null;
}

/** Whether a phase belongs to the adversary's (or failure's) side or to the responders'. */
export type PhaseCategory = 'attack' | 'impact' | 'detection' | 'response' | 'recovery' | 'detail';

export interface TimelineEvent {
  /** Stable within one timeline: `e0`, `e1`, … in source order. */
  readonly id: string;
  /** ISO 8601 instant in UTC (`…Z`): the first instant the date can mean; null for an undated event ("Unknown", "N/A", no date). */
  readonly at: string | null;
  /** Start of the end of a range ("November 27 – December 5, 2023"), else null. */
  readonly end: string | null;
  /** How finely the date is written: a day stands for the whole day in `Timeline.timezone`; null when undated. */
  readonly precision: Precision | null;
  readonly text: string;
  /** The phase or section the event belongs to (a phase such as "Lateral Movement", or a response section), or null. */
  readonly phase: string | null;
  readonly category: PhaseCategory;
  /** 0-based line of the event's source. */
  readonly line: number;
  /** The whole source of the event (a field line, a list item). */
  readonly range: Range;
  /** Where the date text stands, when there is one. */
  readonly dateRange: Range | null;
}

/** One metric: seconds between the starts of its two ends' intervals, as finely as the coarser of them is written. */
export interface Metric {
  readonly seconds: number;
  readonly precision: Precision;
  /** The instants it is measured between (interval starts; for a recovery range, its end). */
  readonly from: string;
  readonly to: string;
  /** The event it is measured to. */
  readonly eventId: string;
}

/** Why the metrics start where they do. */
export type StartReason = 'incident-start' | 'earliest-attack-or-impact';

export interface TimelineMetrics {
  /** The event the metrics are measured from: the incident's start date, else the earliest attack or impact event. */
  readonly start: { readonly eventId: string; readonly at: string; readonly reason: StartReason } | null;
  readonly timeToDetect: Metric | null;
  readonly timeToContain: Metric | null;
  readonly timeToRecover: Metric | null;
}

export interface Timeline {
  readonly kind: ReportKind | null;
  /** IANA zone dates without a zone were read in (the front matter's `timezone`, else UTC); show dates in it. */
  readonly timezone: string;
  /** Year given to dates written without one: the year the incident began, when it is written. */
  readonly referenceYear: number | null;
  /** Events sorted by time, undated ones last in source order. */
  readonly events: readonly TimelineEvent[];
  readonly metrics: TimelineMetrics;
  readonly diagnostics: readonly Diagnostic[];
}
