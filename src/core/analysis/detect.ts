import { analyzeReport, type Analysis, type AnalysisOptions } from './analyze';
import type { ParsedReport } from '../parse/report';

/** How much of a file the cheap check reads: front matter and the first heading stand near the top. */
const HEAD_LENGTH = 4096;
const FRONT_MATTER_KEYS = /^---[ \t]*\r?\n(?:(?!---|\.\.\.)[^\n]*\n)*?(?:kind|template)[ \t]*:/;
const ATX_REPORT_TITLE = /^#[ \t]+Incident Report:/i;
const SETEXT_UNDERLINE = /^=+[ \t]*$/;

/** The cheap check run on every Markdown file: front matter with `kind` or `template`, or an "Incident Report:" title near the top. */
export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, HEAD_LENGTH).replace(/^\uFEFF/, '');
  return FRONT_MATTER_KEYS.test(head) || hasReportTitle(head.split(/\r\n|\r|\n/));
}

/** A line `# Incident Report: …`, or a line `Incident Report: …` underlined with `=`. */
function hasReportTitle(lines: readonly string[]): boolean {
  return lines.some((line, index) => ATX_REPORT_TITLE.test(line) || (/^Incident Report:/i.test(line) && SETEXT_UNDERLINE.test(lines[index + 1] ?? '')));
}

/** The full check once the report is parsed: `kind` or `template` in front matter, or a first heading "Incident Report: …". */
export function confirmsReport(report: ParsedReport): boolean {
  const raw = report.frontMatter?.raw ?? {};
  return 'kind' in raw || 'template' in raw || /^Incident Report:/i.test(report.title?.title ?? '');
}

/**
 * Analyses a Markdown text when it is a report: it matches the report globs (`matchesGlobs`), or its front matter
 * has `kind` or `template`, or its first heading starts with "Incident Report:". Other texts cost one cheap check.
 */
export function analyzeIfReport(text: string, matchesGlobs: boolean, options: AnalysisOptions): Analysis | undefined {
  if (!matchesGlobs && !looksLikeReport(text)) return undefined;
  const analysis = analyzeReport(text, options);
  return matchesGlobs || confirmsReport(analysis.report) ? analysis : undefined;
}
