import type { ReportMatch } from '../template/match';
import type { ParsedReport } from '../parse/report';
import type { Template } from '../template/schema';
import type { Timeline } from '../timeline/types';
import type { ReportKind } from '../types';
import type { Diagnostic } from '../diagnostics';

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
}

export type RuleCheck = (context: RuleContext) => Diagnostic[];
