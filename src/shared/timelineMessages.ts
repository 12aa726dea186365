// The protocol between the Timeline preview's host (src/extension/timelinePreview.ts) and its webview
// (src/webview/timeline/). No `vscode` here; the webview imports types only, so zod stays out of its bundle.
import * as z from 'zod/mini';
import type { PhaseCategory } from '../core/timeline/types';
import type { AxisLayout } from '../core/timeline/axis';
import type { AttackStatus } from '../core/security/attack';
import type { ReportKind } from '../core/types';

export const TIMELINE_VIEW_TYPE = 'incidentReport.timeline';

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

/** The list and the time axis: two ways to show the same events. */
export const VIEW_MODES = ['list', 'axis'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

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

/**
 * Host to webview. `update` and `notReport` say which document the preview shows from then on (it follows the
 * active report); `highlight` is about the event under the editor's cursor and is ignored for another document.
 */
export type HostMessage =
  | { readonly type: 'update'; readonly uri: string; readonly view: TimelineView; readonly mode: ViewMode }
  | { readonly type: 'notReport'; readonly uri: string; readonly fileName: string }
  | { readonly type: 'highlight'; readonly uri: string; readonly eventId: string | null };

/** Webview to host; validated before use, since the webview renders document text. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** The event was clicked or chosen with Enter: reveal and select its source, and give the editor the focus. */
  z.object({ type: z.literal('reveal'), uri: z.string(), eventId: z.string() }),
  /** A technique was chosen: reveal and select where the report first cites it. */
  z.object({ type: z.literal('revealTechnique'), uri: z.string(), techniqueId: z.string() }),
  /** The list or the time axis was chosen: remembered for this panel and for the next ones. */
  z.object({ type: z.literal('mode'), mode: z.enum(VIEW_MODES) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** What the webview keeps with `setState` for the panel serializer. */
export const webviewStateSchema = z.object({ uri: z.string(), mode: z.optional(z.enum(VIEW_MODES)) });
export type WebviewState = z.infer<typeof webviewStateSchema>;
