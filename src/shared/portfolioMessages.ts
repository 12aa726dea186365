// The protocol between the Portfolio's host (src/extension/portfolioPanel.ts) and its webview (src/webview/portfolio/).
// Both sides validate what they receive: the host every message of the page, the page every view of the host. The
// schemas are written with zod's tree-shakable `zod/mini`, which keeps the page's bundle small.
import * as z from 'zod/mini';
import type { PortfolioView } from '../core/portfolio/view';
import { REPORT_KINDS } from '../core/parse/frontMatterValues';

export const PORTFOLIO_VIEW_TYPE = 'incidentReport.portfolio';

const count = z.int().check(z.nonnegative());
const seconds = z.nullable(z.number());
const durationStats = z.object({ count, median: seconds, p90: seconds, mean: seconds });
const metrics = z.object({ timeToDetect: durationStats, timeToContain: durationStats, timeToRecover: durationStats });

const portfolioViewSchema = z.object({
  stats: z.object({
    reports: count,
    byKind: z.object({ security: count, operational: count }),
    bySeverity: z.record(z.string(), count),
    byQuarter: z.record(z.string(), count),
    metrics,
    openActions: count,
    overdueActions: count,
  }),
  byQuarter: z.record(z.string(), metrics),
  reports: z.array(
    z.object({
      uri: z.string(),
      path: z.string(),
      title: z.nullable(z.string()),
      kind: z.enum(REPORT_KINDS),
      severity: z.nullable(z.string()),
      status: z.nullable(z.string()),
      quarter: z.nullable(z.string()),
      metrics: z.object({ timeToDetect: seconds, timeToContain: seconds, timeToRecover: seconds }),
      openActions: count,
      overdueActions: count,
    }),
  ),
}) satisfies z.ZodMiniType<PortfolioView>;

/** Host to webview: the portfolio, whenever it is computed again (and in answer to `ready`). */
export interface HostMessage {
  readonly type: 'update';
  readonly view: PortfolioView;
}
export const hostMessageSchema = z.object({ type: z.literal('update'), view: portfolioViewSchema }) satisfies z.ZodMiniType<HostMessage>;

/** Webview to host. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** The page is loaded (first shown, or shown again after being hidden): it wants the current view. */
  z.object({ type: z.literal('ready') }),
  /** A report of the list was chosen: open it. Only a URI of a report the host has sent is opened. */
  z.object({ type: z.literal('openReport'), uri: z.string() }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
