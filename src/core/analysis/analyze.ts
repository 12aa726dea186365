import { applyEdits, diffAsEdit } from '../edits/apply';
import { LineIndex } from '../text/lineIndex';
import { matchTemplate } from '../template/match';
import { DEFAULT_NOT_APPLICABLE_REASON } from '../parse/notApplicable';
import { isRuleDisabled, parseReport, sectionAt, type ParsedReport } from '../parse/report';
import { diagnostic, type Diagnostic, type Fix, type SeveritySetting } from '../diagnostics';
import type { KindSource, RuleContext } from './context';
import { RULE_CHECKS } from './rules/index';
import { inferKind } from './rules/kindRules';
import type { TemplateRegistry } from '../template/registry';
import { snapEdit, snapRange } from '../text/ranges';
import { buildTimeline, emptyTimeline } from '../timeline/build';
import type { ReportKind, TextEdit } from '../types';
import type { AttackCatalog } from '../security/attack';
import { DEFAULT_DEFANG_STYLE, type DefangStyle } from '../security/indicators';
import { checkReportAttack } from '../security/reportAttack';

export interface AnalysisOptions {
  readonly templates: TemplateRegistry;
  /** Severity per rule id, or "off"; rules not named keep their default. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** The current time, for rules about the future. */
  readonly now?: Date;
  readonly notApplicableReason?: string;
  /** MITRE ATT&CK: the extension, the CLI and the language server load it from the product's own files. */
  readonly attack?: AttackCatalog;
  readonly defangStyle?: DefangStyle;
}

/** What the rules saw (report, template, kind, match, timeline, …) and what they found. */
export interface Analysis extends RuleContext {
  /** Sorted by position; severities and disable comments applied; every range and fix edit inside the text, on whole characters. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Larger texts are not validated: a report of this size takes seconds to analyse, and anything bigger is a log
 * pasted into a report rather than a report. Multi-megabyte reports are validated in full.
 */
export const MAX_REPORT_LENGTH = 16 * 1024 * 1024;
const MAX_REPORT_SIZE = `${MAX_REPORT_LENGTH / (1024 * 1024)} MiB`;

/**
 * Analyses a report. Total: it returns an analysis for any text and never throws; an unexpected failure inside
 * the engine becomes one `internal.error` diagnostic at the top of the text, never a missing or stale result.
 */
export function analyzeReport(text: string, options: AnalysisOptions): Analysis {
  try {
    const analysis = text.length > MAX_REPORT_LENGTH ? tooLarge(text, options) : analyzeParsed(parseReport(text), options);
    return { ...analysis, diagnostics: analysis.diagnostics.map((found) => onWholeCharacters(text, found)) };
  } catch (error) {
    return internalError(text, options, error);
  }
}

function analyzeParsed(report: ParsedReport, options: AnalysisOptions): Analysis {
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
  const message = `This report is ${size}: reports over ${MAX_REPORT_SIZE} are not validated. Split it, or move logs and raw data to attachments.`;
  return { ...context, diagnostics: applyRuleSettings(context.report, [diagnostic('report.too-large', { start: 0, end: 0 }, message)], options.rules ?? {}) };
}

function ruleContext(report: ParsedReport, options: AnalysisOptions): RuleContext {
  const frontMatter = report.frontMatter?.data ?? {};
  const requested = frontMatter.template !== undefined ? options.templates.get(frontMatter.template) : undefined;
  const template = requested ?? options.templates.forKind(frontMatter.kind ?? 'security');
  const match = matchTemplate(report, template);
  const kind: ReportKind = frontMatter.kind ?? (requested ? requested.kind : inferKind(match));
  const kindSource: KindSource = frontMatter.kind ? 'front-matter' : requested ? 'template' : 'inferred';
  const inferredTemplate = !frontMatter.kind && !requested && kind !== template.kind ? options.templates.forKind(kind) : template;
  const timezone = frontMatter.timezone ?? 'UTC';
  const base = {
    report,
    template: inferredTemplate,
    kind,
    kindSource,
    match: inferredTemplate === template ? match : matchTemplate(report, inferredTemplate),
    now: options.now,
    timezone,
    timezoneSet: frontMatter.timezone !== undefined,
    templateIds: options.templates.list().map((loaded) => loaded.template.id),
    notApplicableReason: options.notApplicableReason ?? DEFAULT_NOT_APPLICABLE_REASON,
    attack: options.attack ?? null,
    attackChecks: options.attack ? checkReportAttack(report, options.attack) : [],
    defangStyle: options.defangStyle ?? DEFAULT_DEFANG_STYLE,
  };
  return { ...base, timeline: buildTimeline(base) };
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

/**
 * The diagnostic with its range and fix edits on whole characters (never between the halves of a CRLF or a
 * surrogate pair), and each fix as one edit: an editor applies it whole or not at all, as one undo step.
 */
function onWholeCharacters(text: string, found: Diagnostic): Diagnostic {
  const range = snapRange(text, found.range);
  // Most diagnostics have no fix and a range on whole characters already: they are kept as they are.
  if (!found.fixes && range === found.range) return found;
  const fixes = found.fixes?.map((fix): Fix => ({ ...fix, edits: asOneEdit(text, fix.edits) }));
  return { ...found, range, ...(fixes ? { fixes } : {}) };
}

function asOneEdit(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const snapped = edits.map((edit) => snapEdit(text, edit));
  if (snapped.length <= 1) return snapped;
  const combined = diffAsEdit(text, applyEdits(text, snapped));
  return combined ? [combined] : [];
}

/** What an analysis that failed returns: the text as an empty report, and the failure as one diagnostic. */
function internalError(text: string, options: AnalysisOptions, error: unknown): Analysis {
  const lines = new LineIndex(text);
  const report: ParsedReport = { text, lines, frontMatter: null, title: null, sections: [], allSections: [], disabledRules: new Set(), preamble: [] };
  const template = options.templates.forKind('security');
  const message = `Incident Report Studio could not check this report: internal error (${error instanceof Error ? error.message : String(error)}). Please report it with the text that causes it.`;
  return {
    report,
    template,
    kind: 'security',
    kindSource: 'inferred',
    match: matchTemplate(report, template),
    now: options.now,
    timezone: 'UTC',
    timezoneSet: false,
    templateIds: [],
    notApplicableReason: options.notApplicableReason ?? DEFAULT_NOT_APPLICABLE_REASON,
    timeline: emptyTimeline('UTC'),
    attack: options.attack ?? null,
    attackChecks: [],
    defangStyle: options.defangStyle ?? DEFAULT_DEFANG_STYLE,
    diagnostics: [diagnostic('internal.error', snapRange(text, { start: 0, end: lines.lineEnd(0) }), message)],
  };
}
