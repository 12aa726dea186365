import type { ReportMatch } from '../template/match';
import type { ParsedReport } from '../parse/report';
import type { Template } from '../template/schema';
import type { Timeline } from '../timeline/types';
import type { ReportKind } from '../types';
import type { Diagnostic } from '../diagnostics';
import type { AttackCatalog, AttackCheck } from '../security/attack';
import type { DefangStyle } from '../security/indicators';

export type KindSource = 'front-matter' | 'template' | 'inferred';

/** Everything a rule may look at; rules are pure functions of it. */
export interface RuleContext {
  readonly report: ParsedReport;
  readonly template: Template;
  readonly kind: ReportKind;
  readonly kindSource: KindSource;
  readonly match: ReportMatch;
  /** The current time, for rules about dates in the future; absent in contexts without a clock. */
  readonly now?: Date;
  /** IANA zone for times without one: the front matter's `timezone`, else UTC. */
  readonly timezone: string;
  /** Whether the front matter sets `timezone`. */
  readonly timezoneSet: boolean;
  /** Ids of every template the report could name. */
  readonly templateIds: readonly string[];
  /** Reason the N/A fixes write. */
  readonly notApplicableReason: string;
  /** The report's timeline, built once for the rules, the preview and the exports. */
  readonly timeline: Timeline;
  /** MITRE ATT&CK, when loaded: without it no ATT&CK ID is checked. */
  readonly attack: AttackCatalog | null;
  /** The report's ATT&CK IDs checked against the catalog (none without one), for the rules, the preview and the exports. */
  readonly attackChecks: readonly AttackCheck[];
  /** How the `ioc.live` fix and the Defang command write indicators. */
  readonly defangStyle: DefangStyle;
}

export type RuleCheck = (context: RuleContext) => Diagnostic[];
