import type { SectionMatch } from '../template/match';
import { isNotApplicable, notApplicableText } from '../parse/notApplicable';
import { listMarkerLength, type Block, type ParsedReport, type Section } from '../parse/report';
import type { TemplateSection } from '../template/schema';
import { PlaceholderWriter, renderSection } from '../template/render';
import type { TextEdit } from '../types';
import { applyEdits } from './apply';

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

/** Where a missing template section goes, and the heading level it takes there. */
export interface Placement {
  readonly offset: number;
  readonly level: number;
}

/**
 * Where a template section belongs: after the nearest present section before it in the template, at that section's
 * level; else before the nearest after it, at that one's level; else at the end of its parent, one level below it;
 * else at the end of the text. Each place keeps the heading out of the section before it: after a section's range
 * the next heading is of its level or higher, and a section starts where no open heading is of a lower level.
 */
export function placementOf(
  report: ParsedReport,
  match: SectionMatch,
  topLevel: readonly SectionMatch[],
  present: (candidate: SectionMatch) => boolean = (candidate) => candidate.section !== null,
): Placement {
  const siblings = siblingsOf(match, topLevel);
  const before = siblings.filter((sibling) => sibling.index < match.index && present(sibling)).pop()?.section;
  if (before) return { offset: before.range.end, level: before.heading.level };
  const after = siblings.find((sibling) => sibling.index > match.index && present(sibling))?.section;
  if (after) return { offset: after.range.start, level: after.heading.level };
  const parent = match.parent?.section;
  if (parent) return { offset: parent.range.end, level: parent.heading.level + 1 };
  // At the end of the text the last top section is still open: a heading below its level would become its child.
  const last = report.sections.at(-1);
  const level = match.parent ? placementOf(report, match.parent, topLevel).level + 1 : topSectionLevel(report);
  return { offset: report.lines.text.length, level: last ? Math.min(level, last.heading.level) : level };
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

function siblingsOf(match: SectionMatch, topLevel: readonly SectionMatch[]): readonly SectionMatch[] {
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
 * Inserts a missing section at its template position; null when its headings would be deeper than level 6. A code
 * fence or HTML block that runs on to the end of the text is closed first: inside it a heading is no heading.
 */
export function insertSectionEdit(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[], options: InsertOptions): TextEdit | null {
  const text = report.lines.text;
  const { offset: position, level } = placementOf(report, match, topLevel);
  if (!fitsAtLevel(level, match.template)) return null;
  const eol = report.lines.eol;
  const lines = renderSection(match.template, { level, notApplicable: options.notApplicable, notApplicableReason: options.notApplicableReason }, new PlaceholderWriter('text'));
  return blockInsertion(text, position, [...closedBefore(report, position), ...lines].join(eol), eol);
}

/** The closing line and a blank line, when a code fence or HTML block before the offset runs on to the end of the text. */
function closedBefore(report: ParsedReport, offset: number, skip: (block: Block) => boolean = () => false): string[] {
  const closing = closingOfUnclosedBlock(report, (block) => block.range.start < offset && !skip(block));
  return closing === null ? [] : [closing, ''];
}

/** The line that ends a code fence or HTML block (one that `where` accepts) running on to the end of the text. */
function closingOfUnclosedBlock(report: ParsedReport, where: (block: Block) => boolean): string | null {
  const end = report.text.trimEnd().length;
  const blocks = [...report.preamble, ...report.allSections.flatMap((section) => section.blocks)];
  for (const block of blocks) {
    if (block.range.end < end || !where(block)) continue;
    const closing = closingOf(block);
    if (closing !== null) return closing;
  }
  return null;
}

const FENCE_OPENING = /^[ ]{0,3}(`{3,}|~{3,})/;

/** The closing line a fence, HTML comment or raw-text element lacks (Markdown reads on without it); null when closed. */
function closingOf(block: Block): string | null {
  const text = block.text.trim();
  if (block.type === 'fence') {
    const opening = FENCE_OPENING.exec(block.text)?.[1] ?? '```';
    const lines = text.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1].trim();
    const closed = lines.length > 1 && last.startsWith(opening) && last.replaceAll(opening[0], '') === '';
    return closed ? null : opening;
  }
  if (block.type !== 'html_block') return null;
  if (text.startsWith('<!--')) return text.includes('-->') ? null : '-->';
  const element = /^<(script|pre|style|textarea)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!element) return null;
  return text.toLowerCase().includes(`</${element}>`) ? null : `</${element}>`;
}

/**
 * Moves a section (with its subsections) to its template position among the sections that stay (`anchors`), as one
 * edit over the text between the two places: a deletion and an insertion at the same offset would overlap. Its
 * headings take the level of the place, or the sections around it would become its subsections (or it theirs);
 * null when they cannot. A code fence or HTML block left open at the end of the text is closed where it stops being
 * last: in the section moved (or it would swallow the sections after its new place), or before the new place.
 */
export function moveSectionEdit(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[], anchors: ReadonlySet<SectionMatch>): TextEdit | null {
  const section = match.section!;
  const text = report.lines.text;
  const eol = report.lines.eol;
  const placement = placementOf(report, match, topLevel, (candidate) => anchors.has(candidate));
  const target = placement.offset;
  const sectionText = releveled(report, section, placement.level - section.heading.level);
  if (sectionText === null) return null;
  const inSection = (block: Block) => block.range.start >= section.range.start && block.range.start < section.range.end;
  const ownClosing = closingOfUnclosedBlock(report, inSection);
  const moved = [...closedBefore(report, target, inSection), trimLineBreaks(sectionText), ...(ownClosing === null ? [] : [ownClosing])].join(eol);
  const withoutSection = text.slice(0, section.range.start) + text.slice(section.range.end);
  const at = target > section.range.start ? target - (section.range.end - section.range.start) : target;
  const insertion = blockInsertion(withoutSection, at, moved, eol);
  const result = withoutSection.slice(0, at) + insertion.newText + withoutSection.slice(at);
  const start = Math.min(section.range.start, at);
  const end = Math.max(section.range.end, target);
  return { start, end, newText: result.slice(start, result.length - (text.length - end)) };
}

/**
 * A section's text with each of its headings `delta` levels deeper (higher when negative): the `#` run of an ATX
 * heading, the underline of a setext one. Null when a heading would leave levels 1–6, or a setext one level 2.
 */
function releveled(report: ParsedReport, section: Section, delta: number): string | null {
  const text = report.lines.text;
  const { start, end } = section.range;
  const edits: TextEdit[] = [];
  for (const heading of delta === 0 ? [] : report.allSections.filter((s) => s.range.start >= start && s.range.start < end).map((s) => s.heading)) {
    const level = heading.level + delta;
    if (level < 1 || level > MAX_HEADING_LEVEL) return null;
    const markup = text.slice(heading.range.start, heading.range.end);
    const atx = /^ {0,3}(#+)/.exec(markup);
    if (atx) {
      const hashes = heading.range.start - start + atx[0].length - atx[1].length;
      edits.push({ start: hashes, end: hashes + atx[1].length, newText: '#'.repeat(level) });
      continue;
    }
    if (level > 2) return null;
    const underline = Math.max(markup.lastIndexOf('\n'), markup.lastIndexOf('\r')) + 1;
    const offset = heading.range.start - start + underline;
    edits.push({ start: offset, end: heading.range.end - start, newText: markup.slice(underline).replace(/[=-]/g, level === 1 ? '=' : '-') });
  }
  return applyEdits(text.slice(start, end), edits);
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
    // Code and quotes are content whatever they say: a quoted placeholder or "N/A" is something the user quoted.
    if (block.type === 'fence' || block.type === 'code_block' || block.type === 'blockquote') return null;
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
      const text = full.slice(listMarkerLength(full)).trim();
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
    return [{ start: section.bodyRange.start, end: section.bodyRange.end, newText: lineBreaksBefore(text, section.bodyRange.start, eol) + body + eol + (atEnd ? '' : eol) }];
  }
  const edits: TextEdit[] = [];
  if (!section.lines[0] || !isNotApplicable(section.lines[0].text)) {
    const start = section.bodyRange.start;
    edits.push({ start, end: start, newText: lineBreaksBefore(text, start, eol) + notApplicableText(reason) + lineBreaksAfter(text, start, eol) });
  }
  for (const field of section.fields.filter((candidate) => isPlaceholderOrEmpty(candidate.value, placeholders))) {
    const needsSpace = !/\s/.test(text.charAt(field.valueRange.start - 1));
    edits.push({ start: field.valueRange.start, end: field.valueRange.end, newText: (needsSpace ? ' ' : '') + 'N/A' });
  }
  return edits;
}

/**
 * What separates a paragraph written at the offset from the heading before it: a heading with no line break of its
 * own needs two. So does one that ends with a lone CR when an LF is written after it: the two read as one CRLF.
 */
function lineBreaksBefore(text: string, offset: number, eol: string): string {
  const char = text.charAt(offset - 1);
  const endsLine = char === '\n' || (char === '\r' && !eol.startsWith('\n'));
  return endsLine ? eol : eol + eol;
}

/**
 * What ends a paragraph written at the offset before the text after it: a blank line, or the next line would continue
 * the paragraph (`---` under it would even make it a setext heading). One line break when a line break follows (but not
 * an LF after a lone CR: the two read as one CRLF) or nothing does.
 */
function lineBreaksAfter(text: string, offset: number, eol: string): string {
  const char = text.charAt(offset);
  const startsLine = offset === text.length || char === '\r' || (char === '\n' && !eol.endsWith('\r'));
  return startsLine ? eol : eol + eol;
}

/** The text without the line breaks at its end. */
function trimLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}
