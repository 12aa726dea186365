// The protocol between the Timeline preview's host (src/extension/timelinePreview.ts) and its webview
// (src/webview/timeline/). No `vscode` here; the webview imports types only, so zod stays out of its bundle.
import * as z from 'zod/mini';
import type { TimelineView } from '../core/timeline/view';

export const TIMELINE_VIEW_TYPE = 'incidentReport.timeline';

/** The list and the time axis: two ways to show the same events. */
export const VIEW_MODES = ['list', 'axis'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

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
