import { matchTemplate } from './match';
import { DEFAULT_NOT_APPLICABLE_REASON } from './notApplicable';
import { isRuleDisabled, parseReport, sectionAt, type ParsedReport } from './report';
import { diagnostic } from './rules/catalog';
import type { KindSource, RuleContext } from './rules/context';
import { RULE_CHECKS } from './rules/index';
import { inferKind } from './rules/kindRules';
import type { TemplateRegistry } from './templates/registry';
import type { Diagnostic, ReportKind, SeveritySetting } from './types';

export interface AnalysisOptions {
  readonly templates: TemplateRegistry;
  /** Severity per rule id, or "off"; rules not named keep their default. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** The current time, for rules about the future. */
  readonly now?: Date;
  readonly notApplicableReason?: string;
}

/** What the rules saw (report, template, kind, match, …) and what they found. */
export interface Analysis extends RuleContext {
  /** Sorted by position; severities and disable comments already applied. */
  readonly diagnostics: Diagnostic[];
}

/** Larger texts are not validated: parsing them would keep the editor busy for seconds on every keystroke. */
export const MAX_REPORT_LENGTH = 1024 * 1024;

export function analyzeReport(text: string, options: AnalysisOptions): Analysis {
  if (text.length > MAX_REPORT_LENGTH) return tooLarge(text, options);
  const report = parseReport(text);
  const context = ruleContext(report, options);
  const diagnostics = RULE_CHECKS.flatMap((check) => check(context));
  return { ...context, diagnostics: applyRuleSettings(report, diagnostics, options.rules ?? {}) };
}

/** Only the front matter and title of an oversized report are read, and one diagnostic says why. */
function tooLarge(text: string, options: AnalysisOptions): Analysis {
  const firstSection = text.search(/^#{2,6}\s/m);
  const head = text.slice(0, Math.min(firstSection === -1 ? MAX_REPORT_LENGTH : firstSection, MAX_REPORT_LENGTH));
  const context = ruleContext(parseReport(head), options);
  const size = `${(text.length / (1024 * 1024)).toFixed(1)} MiB`;
  const message = `This report is ${size}: reports over 1 MiB are not validated. Split it, or move logs and raw data to attachments.`;
  return { ...context, diagnostics: applyRuleSettings(context.report, [diagnostic('report.too-large', { start: 0, end: 0 }, message)], options.rules ?? {}) };
}

function ruleContext(report: ParsedReport, options: AnalysisOptions): RuleContext {
  const raw = report.frontMatter?.raw ?? {};
  const declaredKind = raw.kind === 'security' || raw.kind === 'operational' ? raw.kind : null;
  const requested = typeof raw.template === 'string' ? options.templates.get(raw.template) : undefined;
  const template = requested ?? options.templates.forKind(declaredKind ?? 'security');
  const match = matchTemplate(report, template);
  const kind: ReportKind = declaredKind ?? (requested ? requested.kind : inferKind(match));
  const kindSource: KindSource = declaredKind ? 'front-matter' : requested ? 'template' : 'inferred';
  const inferredTemplate = !declaredKind && !requested && kind !== template.kind ? options.templates.forKind(kind) : template;
  const timezone = typeof raw.timezone === 'string' && report.frontMatter?.data ? raw.timezone : 'UTC';
  return {
    report,
    template: inferredTemplate,
    kind,
    kindSource,
    match: inferredTemplate === template ? match : matchTemplate(report, inferredTemplate),
    now: options.now,
    timezone,
    timezoneSet: timezone !== 'UTC' || typeof raw.timezone === 'string',
    templateIds: options.templates.list().map((loaded) => loaded.template.id),
    notApplicableReason: options.notApplicableReason ?? DEFAULT_NOT_APPLICABLE_REASON,
  };
}

function applyRuleSettings(report: ParsedReport, diagnostics: Diagnostic[], rules: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const found of diagnostics) {
    const setting = rules[found.rule] ?? found.severity;
    if (setting === 'off' || isRuleDisabled(report, sectionAt(report, found.range.start), found.rule)) continue;
    result.push(setting === found.severity ? found : { ...found, severity: setting });
  }
  return result.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
