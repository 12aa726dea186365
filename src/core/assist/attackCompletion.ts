// Completion of ATT&CK techniques: after "T1…" anywhere in a report, and for any word in a section whose role is
// `methodology`. Plain data for the extension's and the language server's completion APIs.
import type { Analysis } from '../analysis/analyze';
import { sectionAt } from '../parse/report';
import { suggestTechniques } from '../security/attack';
import type { Range } from '../types';

interface TechniqueCompletion {
  readonly id: string;
  readonly name: string;
  /** "Initial Access, Execution". */
  readonly tactics: string;
  readonly summary: string;
  /** "T1566.001 Spearphishing Attachment", or only the ID when the name already follows the cursor. */
  readonly insertText: string;
  /** What the typed prefix is matched against: the ID and the name. */
  readonly filterText: string;
  /** Keeps the order: the line's tactic first, then by ID. */
  readonly sortText: string;
}

export interface Completions {
  /** The typed prefix the chosen item replaces. */
  readonly replace: Range;
  readonly items: readonly TechniqueCompletion[];
}

// An ID being typed: "T", "T15", "T1566.0", not inside a word or another ID.
const ID_PREFIX = /(?<![\w.-])T\d{0,4}(?:\.\d{0,3})?$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Enough for every technique of a tactic; the editor filters further as the user types. */
const LIMIT = 1000;

/**
 * Techniques to complete at the offset: by ID after "T…", by name in a methodology section; the techniques of the
 * line's tactic (its field name or heading, e.g. "Initial Access") come first. Null where nothing is completed.
 */
export function attackCompletionsAt(analysis: Analysis, offset: number): Completions | null {
  const catalog = analysis.attack;
  if (!catalog) return null;
  const { text, lines } = analysis.report;
  const line = lines.positionAt(offset).line;
  const before = text.slice(lines.lineStart(line), offset);
  const id = ID_PREFIX.exec(before);
  if (!id && !inMethodology(analysis, offset)) return null;
  const prefix = id ? id[0] : wordBefore(before);
  const tactic = catalog.tacticsNamedBy(lineLabel(analysis, offset, line) ?? '')[0]?.shortname ?? null;
  const after = text.slice(offset, lines.lineEnd(line));
  const items = suggestTechniques(catalog, prefix, { tactic, limit: LIMIT }).map((technique, index) => ({
    id: technique.id,
    name: technique.name,
    tactics: technique.tactics.map((shortname) => catalog.tacticByShortname(shortname)?.name ?? shortname).join(', '),
    summary: technique.summary ?? '',
    insertText: after.startsWith(` ${technique.name}`) ? technique.id : `${technique.id} ${technique.name}`,
    filterText: `${technique.id} ${technique.name}`,
    sortText: String(index).padStart(4, '0'),
  }));
  return { replace: { start: offset - prefix.length, end: offset }, items };
}

/** The letters and digits at the end of the text: the word being typed (a loop: `/[…]*$/` is quadratic on long runs). */
function wordBefore(text: string): string {
  let start = text.length;
  while (start > 0 && WORD_CHARACTER.test(text[start - 1])) start--;
  return text.slice(start);
}

function inMethodology(analysis: Analysis, offset: number): boolean {
  return analysis.match.all.some((m) => m.template.role === 'methodology' && [m.section, ...m.duplicates].some((section) => section && section.range.start <= offset && offset <= section.range.end));
}

/** The field name of the line, else the heading of the section it stands in. */
function lineLabel(analysis: Analysis, offset: number, line: number): string | null {
  const section = sectionAt(analysis.report, offset);
  return section?.fields.find((field) => field.line === line)?.name ?? section?.heading.title ?? null;
}
