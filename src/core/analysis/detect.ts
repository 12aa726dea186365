import type { ParsedReport } from '../parse/report';
import type { TemplateRegistry } from '../template/registry';
import { analyzeReport, type Analysis, type AnalysisOptions } from './analyze';

/** How much of a file the cheap check reads: front matter and the first heading stand near the top. */
const HEAD_LENGTH = 4096;
const FRONT_MATTER_KEYS = /^---[ \t]*\r?\n(?:(?!---|\.\.\.)[^\n]*\n)*?(?:kind|template)[ \t]*:/;
const ATX_TITLE = /^#[ \t]+/;
const SETEXT_UNDERLINE = /^=+[ \t]*$/;

/**
 * How the templates' report titles start: "Incident Report:" for "Incident Report: {title}", "Postmortem:" for
 * "Postmortem: {title}". A template whose title is `{title}` alone has none.
 */
function titlePrefixes(templates: TemplateRegistry): readonly string[] {
  let prefixes = prefixesByRegistry.get(templates);
  if (!prefixes) {
    const all = templates.list().map(({ template }) => template.title.split('{title}')[0].trim().toLowerCase());
    prefixesByRegistry.set(templates, (prefixes = [...new Set(all.filter((prefix) => prefix.length >= 3))]));
  }
  return prefixes;
}

/** Each file a lint or the Portfolio reads asks: the prefixes are worked out once per set of templates. */
const prefixesByRegistry = new WeakMap<TemplateRegistry, readonly string[]>();

/** The cheap check run on every Markdown file: front matter with `kind` or `template`, or a report title near the top. */
function looksLikeReport(text: string, prefixes: readonly string[]): boolean {
  const head = text.slice(0, HEAD_LENGTH).replace(/^\uFEFF/, '');
  if (FRONT_MATTER_KEYS.test(head)) return true;
  const lines = head.split(/\r\n|\r|\n/);
  return lines.some((line, index) => {
    const atx = ATX_TITLE.exec(line);
    if (atx) return startsWithPrefix(line.slice(atx[0].length), prefixes);
    return startsWithPrefix(line, prefixes) && SETEXT_UNDERLINE.test(lines[index + 1] ?? '');
  });
}

/** The full check once the report is parsed: `kind` or `template` in front matter, or a first heading that is a report title. */
function confirmsReport(report: ParsedReport, prefixes: readonly string[]): boolean {
  const raw = report.frontMatter?.raw ?? {};
  return 'kind' in raw || 'template' in raw || startsWithPrefix(report.title?.title ?? '', prefixes);
}

function startsWithPrefix(title: string, prefixes: readonly string[]): boolean {
  const lower = title.toLowerCase();
  return prefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * Analyses a Markdown text when it is a report: its front matter has `kind` or `template`, or its first heading
 * starts as a template's title does ("Incident Report: …", "Postmortem: …"), or its path matches the report globs.
 * Other texts cost one cheap check. The globs are asked last and at most once (`matchesGlobs`): a report's content
 * mostly says it is one, and a lint of many files would otherwise match each path.
 */
export function analyzeIfReport(text: string, matchesGlobs: () => boolean, options: AnalysisOptions): Analysis | undefined {
  const prefixes = titlePrefixes(options.templates);
  const looksLike = looksLikeReport(text, prefixes);
  const named = !looksLike && matchesGlobs();
  if (!looksLike && !named) return undefined;
  const analysis = analyzeReport(text, options);
  return named || confirmsReport(analysis.report, prefixes) || matchesGlobs() ? analysis : undefined;
}
