import type { SectionMatch } from '../template/match';
import { isNotApplicable, notApplicableText } from '../parse/notApplicable';
import { LIST_MARKER, type Block, type ParsedReport, type Section } from '../parse/report';
import type { TemplateSection } from '../template/schema';
import { PlaceholderWriter, renderSection } from '../template/render';
import type { TextEdit } from '../types';

export interface InsertOptions {
  readonly notApplicable: (section: TemplateSection) => boolean;
  readonly notApplicableReason: string;
}

/** Markdown has six heading levels; a section deeper than that cannot be written. */
export const MAX_HEADING_LEVEL = 6;

/** The level of the report's top sections (it may use `#` or start at `###`); 2 when it has none. */
function topSectionLevel(report: ParsedReport): number {
  return report.sections[0]?.heading.level ?? 2;
}

/**
 * Heading level for a template section: one below its parent, else the level its present siblings use, else
 * one below where its missing parent would go, else the report's top level.
 */
export function sectionLevel(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[]): number {
  if (match.parent?.section) return match.parent.section.heading.level + 1;
  const present = siblingsOf(match, topLevel).find((sibling) => sibling.section)?.section;
  if (present) return present.heading.level;
  return match.parent ? sectionLevel(report, match.parent, topLevel) + 1 : topSectionLevel(report);
}

/** Where a template section belongs: after the nearest present section before it in the template, else before the nearest after it. */
export function templatePosition(report: ParsedReport, match: SectionMatch, siblings: readonly SectionMatch[], exclude?: Section): number {
  const present = (candidate: SectionMatch) => candidate.section && candidate.section !== exclude;
  const before = siblings.filter((sibling) => sibling.index < match.index && present(sibling)).pop();
  if (before) return before.section!.range.end;
  const after = siblings.find((sibling) => sibling.index > match.index && present(sibling));
  if (after) return after.section!.range.start;
  const parent = match.parent?.section;
  if (parent) return parent.range.end;
  return report.lines.text.length;
}

/** Text to insert at `offset` so that `block` stands as its own paragraph group, separated by blank lines. */
export function blockInsertion(text: string, offset: number, block: string, eol: string): TextEdit {
  const before = text.slice(Math.max(0, offset - 2 * eol.length), offset);
  let prefix = '';
  if (offset > 0 && !before.endsWith(eol)) prefix = eol + eol;
  else if (offset > 0 && !before.endsWith(eol + eol)) prefix = eol;
  const atEnd = text.slice(offset).trim().length === 0;
  return { start: offset, end: offset, newText: prefix + trimLineBreaks(block) + eol + (atEnd ? '' : eol) };
}

export function siblingsOf(match: SectionMatch, topLevel: readonly SectionMatch[]): readonly SectionMatch[] {
  return match.parent ? match.parent.children : topLevel;
}

/** Levels a template section takes with its subsections: 1 without any. */
function depthOf(section: TemplateSection): number {
  return 1 + Math.max(0, ...section.sections.map(depthOf));
}

/** Whether a template section and its subsections, written with a heading of this level, stay within six levels. */
export function fitsAtLevel(level: number, section: TemplateSection): boolean {
  return level + depthOf(section) - 1 <= MAX_HEADING_LEVEL;
}

/**
 * Inserts a missing section at its template position; null when it cannot be written there: its headings would be
 * deeper than level 6, or the place is inside a code fence or HTML block that is never closed, where a heading is
 * no heading.
 */
export function insertSectionEdit(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[], options: InsertOptions): TextEdit | null {
  const level = sectionLevel(report, match, topLevel);
  const position = templatePosition(report, match, siblingsOf(match, topLevel));
  if (!fitsAtLevel(level, match.template) || insideUnclosedBlock(report, position)) return null;
  const eol = report.lines.eol;
  const lines = renderSection(match.template, { level, notApplicable: options.notApplicable, notApplicableReason: options.notApplicableReason }, new PlaceholderWriter('text'));
  return blockInsertion(report.lines.text, position, lines.join(eol), eol);
}

/** Whether the offset lies after the start of a code fence or HTML block that runs on to the end of the text. */
function insideUnclosedBlock(report: ParsedReport, offset: number): boolean {
  const end = report.text.trimEnd().length;
  const blocks = [...report.preamble, ...report.allSections.flatMap((section) => section.blocks)];
  return blocks.some((block) => block.range.start < offset && block.range.end >= end && isUnclosed(block));
}

const FENCE_OPENING = /^[ ]{0,3}(`{3,}|~{3,})/;

/** A fence without its closing line, or an HTML comment or raw-text element without its end: Markdown reads on. */
function isUnclosed(block: Block): boolean {
  const text = block.text.trim();
  if (block.type === 'fence') {
    const opening = FENCE_OPENING.exec(block.text)?.[1] ?? '```';
    const last = text.slice(text.lastIndexOf('\n') + 1).trim();
    return text.indexOf('\n') === -1 || !(last.startsWith(opening) && last.replaceAll(opening[0], '') === '');
  }
  if (block.type !== 'html_block') return false;
  const closing = text.startsWith('<!--') ? '-->' : (/^<(script|pre|style|textarea)\b/i.exec(text)?.[1] ?? null);
  if (closing === null) return false;
  return !text.toLowerCase().includes(closing === '-->' ? closing : `</${closing.toLowerCase()}>`);
}

/**
 * Moves a section (with its subsections) to its template position, as one edit over the text between the two
 * places: a deletion and an insertion at the same offset would overlap.
 */
export function moveSectionEdit(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[]): TextEdit {
  const section = match.section!;
  const text = report.lines.text;
  const eol = report.lines.eol;
  const target = templatePosition(report, match, siblingsOf(match, topLevel), section);
  const moved = text.slice(section.range.start, section.range.end);
  const withoutSection = text.slice(0, section.range.start) + text.slice(section.range.end);
  const at = target > section.range.start ? target - (section.range.end - section.range.start) : target;
  const insertion = blockInsertion(withoutSection, at, moved, eol);
  const result = withoutSection.slice(0, at) + insertion.newText + withoutSection.slice(at);
  const start = Math.min(section.range.start, at);
  const end = Math.max(section.range.end, target);
  return { start, end, newText: result.slice(start, result.length - (text.length - end)) };
}

/** Whether a text is only template placeholder or nothing at all. */
export function isPlaceholderOrEmpty(text: string, placeholders: ReadonlySet<string>): boolean {
  const trimmed = text.trim();
  return trimmed === '' || placeholders.has(trimmed);
}

/**
 * What a section's own content (its body, without subsections) holds besides template leftovers, or null when a
 * person wrote something in it. Every line counts as written (code, tables, HTML, quotes, nested lists) except
 * blank lines, template placeholders, fields that are empty or hold a placeholder, N/A lines and HTML comments.
 */
interface Leftovers {
  /** N/A lines that are not fields, as written. */
  readonly notApplicable: readonly string[];
  /** Every field line in document order: as written when it says N/A, else `- **Name:** N/A`. */
  readonly fields: readonly string[];
  /** HTML comment blocks, as written; they may hold disable comments. */
  readonly comments: readonly string[];
  /** How many placeholders (placeholder lines, fields empty or holding a placeholder) are left. */
  readonly unfilled: number;
  /** Whether a field already says N/A. */
  readonly fieldSaysNotApplicable: boolean;
}

function leftoversOf(report: ParsedReport, section: Section, placeholders: ReadonlySet<string>): Leftovers | null {
  const notApplicable: string[] = [];
  const fields: string[] = [];
  const comments: string[] = [];
  let unfilled = 0;
  let fieldSaysNotApplicable = false;
  const { lines } = report;
  for (const block of section.blocks) {
    if (block.type === 'fence' || block.type === 'code_block') return null;
    if (block.type === 'html_block') {
      if (!isCommentOnly(block.text)) return null;
      comments.push(block.text.trimEnd());
      continue;
    }
    for (let line = block.startLine; line < block.endLine; line++) {
      const lineStart = lines.lineStart(line);
      const field = section.fields.find((candidate) => candidate.range.start <= lineStart && lineStart <= candidate.range.end);
      if (field) {
        if (field.line !== line) continue; // a continuation line: its field decides
        if (isPlaceholderOrEmpty(field.value, placeholders)) {
          fields.push(`- **${field.name}:** N/A`);
          unfilled++;
        } else if (isNotApplicable(field.value)) {
          fields.push(report.text.slice(field.range.start, field.range.end));
          fieldSaysNotApplicable = true;
        } else return null;
        continue;
      }
      const full = lines.lineText(line);
      const text = full.slice(LIST_MARKER.exec(full)?.[0].length ?? 0).trim();
      if (text === '') continue;
      if (placeholders.has(text)) {
        unfilled++;
        continue;
      }
      if (!isNotApplicable(text)) return null;
      notApplicable.push(full);
    }
  }
  return { notApplicable, fields, comments, unfilled, fieldSaysNotApplicable };
}

/**
 * Whether a section is as the template left it: its own content is nothing but placeholders (and empty fields),
 * at least one, and no N/A. A freshly scaffolded section.
 */
export function isUnfilled(report: ParsedReport, section: Section, placeholders: ReadonlySet<string>): boolean {
  const leftovers = leftoversOf(report, section, placeholders);
  return leftovers !== null && leftovers.unfilled > 0 && leftovers.notApplicable.length === 0 && !leftovers.fieldSaysNotApplicable;
}

/** Content a person wrote: see `leftoversOf`. */
export function hasRealContent(report: ParsedReport, section: Section, placeholders: ReadonlySet<string>): boolean {
  return leftoversOf(report, section, placeholders) === null;
}

function isCommentOnly(html: string): boolean {
  let rest = html.trim();
  while (rest.startsWith('<!--')) {
    const close = rest.indexOf('-->');
    if (close === -1) return false;
    rest = rest.slice(close + 3).trim();
  }
  return rest === '';
}

/**
 * Marks a section N/A. Without real content, its own body is rewritten: its N/A lines (or the new N/A line), its
 * fields with N/A where they were empty, its comments. With real content nothing is removed: the N/A line goes on
 * top and only empty or placeholder fields are filled.
 */
export function markSectionNotApplicableEdits(report: ParsedReport, section: Section, reason: string, placeholders: ReadonlySet<string>): TextEdit[] {
  const eol = report.lines.eol;
  const text = report.lines.text;
  const leftovers = leftoversOf(report, section, placeholders);
  if (leftovers) {
    const markers = leftovers.notApplicable.length > 0 ? leftovers.notApplicable : [notApplicableText(reason)];
    const groups = [markers, leftovers.fields, ...leftovers.comments.map((comment) => [comment])].filter((group) => group.length > 0);
    const atEnd = section.bodyRange.end >= text.length;
    const body = groups.map((group) => group.join(eol)).join(eol + eol);
    return [{ start: section.bodyRange.start, end: section.bodyRange.end, newText: eol + body + eol + (atEnd ? '' : eol) }];
  }
  const edits: TextEdit[] = [];
  if (!section.lines[0] || !isNotApplicable(section.lines[0].text)) {
    edits.push({ start: section.bodyRange.start, end: section.bodyRange.start, newText: eol + notApplicableText(reason) + eol });
  }
  for (const field of section.fields.filter((candidate) => isPlaceholderOrEmpty(candidate.value, placeholders))) {
    const needsSpace = !/\s/.test(text.charAt(field.valueRange.start - 1));
    edits.push({ start: field.valueRange.start, end: field.valueRange.end, newText: (needsSpace ? ' ' : '') + 'N/A' });
  }
  return edits;
}

/** The text without the line breaks at its end. */
function trimLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}
