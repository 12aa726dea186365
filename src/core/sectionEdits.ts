import type { SectionMatch } from './match';
import { isNotApplicable, notApplicableText } from './notApplicable';
import type { ParsedReport, Section } from './report';
import type { TemplateSection } from './schemas';
import { PlaceholderWriter, renderSection } from './templates/render';
import type { TextEdit } from './types';

export interface InsertOptions {
  readonly notApplicable: (section: TemplateSection) => boolean;
  readonly notApplicableReason: string;
}

/** Heading level for a template section: one below its parent, else the level its present siblings use, else 2. */
function levelFor(match: SectionMatch, siblings: readonly SectionMatch[]): number {
  if (match.parent?.section) return match.parent.section.heading.level + 1;
  const present = siblings.find((sibling) => sibling.section)?.section;
  if (present) return present.heading.level;
  let depth = 0;
  for (let parent = match.parent; parent; parent = parent.parent) depth++;
  return 2 + depth;
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
  const body = block.replace(/(\r?\n)+$/, '');
  return { start: offset, end: offset, newText: prefix + body + eol + (atEnd ? '' : eol) };
}

export function siblingsOf(match: SectionMatch, topLevel: readonly SectionMatch[]): readonly SectionMatch[] {
  return match.parent ? match.parent.children : topLevel;
}

export function insertSectionEdit(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[], options: InsertOptions): TextEdit {
  const siblings = siblingsOf(match, topLevel);
  const eol = report.lines.eol;
  const lines = renderSection(
    match.template,
    { level: levelFor(match, siblings), notApplicable: options.notApplicable, notApplicableReason: options.notApplicableReason },
    new PlaceholderWriter('text'),
  );
  return blockInsertion(report.lines.text, templatePosition(report, match, siblings), lines.join(eol), eol);
}

/** Moves a section (with its subsections) to its template position: one deletion and one insertion. */
export function moveSectionEdits(report: ParsedReport, match: SectionMatch, topLevel: readonly SectionMatch[]): TextEdit[] {
  const section = match.section!;
  const text = report.lines.text;
  const eol = report.lines.eol;
  const target = templatePosition(report, match, siblingsOf(match, topLevel), section);
  const moved = text.slice(section.range.start, section.range.end).replace(/\s+$/, '');
  return [{ start: section.range.start, end: section.range.end, newText: '' }, blockInsertion(text, target, moved, eol)];
}

/** Whether a text is only template placeholder or nothing at all. */
export function isPlaceholderOrEmpty(text: string, placeholders: ReadonlySet<string>): boolean {
  const trimmed = text.trim();
  return trimmed === '' || placeholders.has(trimmed);
}

/** Content a person wrote: a line that is not an empty, N/A or placeholder field, nor a placeholder paragraph. */
export function hasRealContent(section: Section, placeholders: ReadonlySet<string>): boolean {
  const fieldLines = new Map(section.fields.map((field) => [field.line, field]));
  return section.lines.some((line) => {
    const field = fieldLines.get(line.line);
    if (field) return !isPlaceholderOrEmpty(field.value, placeholders) && !isNotApplicable(field.value);
    const owner = section.fields.find((f) => f.range.start <= line.range.start && line.range.end <= f.range.end);
    if (owner) return false;
    return !isPlaceholderOrEmpty(line.text, placeholders);
  });
}

/**
 * Marks a section N/A. Without real content, its own body is rewritten as the N/A line and its fields set to N/A;
 * with real content, nothing is removed: the N/A line goes on top and only empty or placeholder fields are filled.
 */
export function markSectionNotApplicableEdits(report: ParsedReport, section: Section, reason: string, placeholders: ReadonlySet<string>): TextEdit[] {
  const eol = report.lines.eol;
  const text = report.lines.text;
  const marker = notApplicableText(reason);
  const fillable = section.fields.filter((field) => isPlaceholderOrEmpty(field.value, placeholders));
  if (!hasRealContent(section, placeholders)) {
    const fieldLines = section.fields.map((field) => `- **${field.name}:** ${isNotApplicable(field.value) ? field.value : 'N/A'}`);
    const comments = section.blocks.filter((block) => block.type === 'html_block').map((block) => block.text.trimEnd());
    const atEnd = section.bodyRange.end >= text.length;
    const body = [marker, ...(fieldLines.length > 0 ? ['', ...fieldLines] : []), ...comments.flatMap((comment) => ['', comment])].join(eol);
    return [{ start: section.bodyRange.start, end: section.bodyRange.end, newText: eol + body + eol + (atEnd ? '' : eol) }];
  }
  const edits: TextEdit[] = [];
  if (!section.lines[0] || !isNotApplicable(section.lines[0].text)) {
    edits.push({ start: section.bodyRange.start, end: section.bodyRange.start, newText: eol + marker + eol });
  }
  for (const field of fillable) {
    const needsSpace = !/\s/.test(text.charAt(field.valueRange.start - 1));
    edits.push({ start: field.valueRange.start, end: field.valueRange.end, newText: (needsSpace ? ' ' : '') + 'N/A' });
  }
  return edits;
}
