// What the Timeline preview and the HTML export show: the timeline as ready-to-show strings. The host builds it
// (src/shared/timelineView.ts); the webview and the HTML page only lay it out.
import type { AttackStatus } from '../security/attack';
import type { ReportKind } from '../types';
import type { AxisLayout } from './axis';
import type { PhaseCategory } from './types';

/** The TLP 2.0 colours; null for a label that is not one of them. */
export type TlpColour = 'red' | 'amber' | 'green' | 'clear';

export interface TlpView {
  /** As the front matter writes it: "TLP:AMBER+STRICT". */
  readonly label: string;
  readonly colour: TlpColour | null;
}

interface MetricView {
  readonly name: string;
  /** "9 d", "2 h 15 min" (as finely as its dates are written), or "—" when a date it needs is missing. */
  readonly value: string;
  readonly known: boolean;
  /** "known to the day", "no dated containment step". */
  readonly detail: string;
}

export interface EventView {
  readonly id: string;
  /** 0-based source line. */
  readonly line: number;
  readonly text: string;
  /** The event's phase or section, else its category's title. */
  readonly phase: string;
  readonly category: PhaseCategory;
  /** "Attack", "Response", …: says in words what the colour says. */
  readonly categoryTitle: string;
  /** "2023-11-14 09:30", "2023-11-27 – 2023-12-05", or null when undated. */
  readonly when: string | null;
  /** Time since the dated event before it: "+2 h 15 min"; null for the first one, undated ones and no gap. */
  readonly gap: string | null;
}

/** An ATT&CK technique the report cites, for the list in kill-chain order. */
export interface TechniqueView {
  /** "T1566.001", as cited. */
  readonly id: string;
  /** ATT&CK's name; the ID itself when ATT&CK does not know it. */
  readonly name: string;
  /** "Initial Access" or "Defense Evasion, Privilege Escalation"; empty for an unknown ID. */
  readonly tactics: string;
  readonly status: AttackStatus;
  /** How many times the report cites it. */
  readonly citations: number;
}

/** A run of consecutive dated events of the same phase. */
export interface PhaseGroupView {
  readonly phase: string;
  readonly category: PhaseCategory;
  readonly categoryTitle: string;
  readonly events: readonly EventView[];
}

/** Everything the webview shows, ready to render: it formats nothing itself. */
export interface TimelineView {
  readonly title: string;
  readonly kind: ReportKind | null;
  readonly tlp: TlpView | null;
  readonly timezone: string;
  readonly metrics: readonly MetricView[];
  /** "2023-11-14, when the incident began": what the metrics are measured from; null without a start. */
  readonly start: string | null;
  readonly dated: readonly PhaseGroupView[];
  readonly undated: readonly EventView[];
  /** The dated events laid out on a time axis, with its compressed gaps and ticks. */
  readonly axis: AxisLayout;
  /** The techniques the report cites, in kill-chain order (unknown IDs last); empty without ATT&CK data. */
  readonly techniques: readonly TechniqueView[];
}
