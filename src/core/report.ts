import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import { parseMarkdownBlocks, plainInline, type Token } from './markdown';
import type { Range } from './types';

export interface Heading {
  readonly level: number;
  /** Heading text without Markdown markup. */
  readonly title: string;
  readonly line: number;
  /** The heading's lines (with the underline of a setext heading), without the final line break. */
  readonly range: Range;
  readonly titleRange: Range;
}

/** A `- **Name:** value` (or `- Name: value`) line. */
export interface FieldLine {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  /** The list item's text lines, without the final line break. */
  readonly range: Range;
  readonly nameRange: Range;
  /** Where the value stands; empty, at the end of the line, when there is no value. */
  readonly valueRange: Range;
  /** Written with a bold label, the template form. Plain labels only count when a template names them. */
  readonly bold: boolean;
}

/** One source line of a paragraph, list item or table row, without list or quote markers. */
export interface ContentLine {
  readonly line: number;
  readonly text: string;
  readonly range: Range;
  readonly listItem: boolean;
}

export interface Block {
  readonly type: string;
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  readonly range: Range;
  readonly text: string;
}

export interface Section {
  readonly heading: Heading;
  readonly parent: Section | null;
  readonly children: Section[];
  /** The heading and everything up to the next heading of the same or a higher level. */
  range: Range;
  /** The section's own content: after the heading, up to its first subsection or its end. */
  bodyRange: Range;
  readonly blocks: Block[];
  readonly fields: FieldLine[];
  readonly lines: ContentLine[];
  /** Rules turned off for this section by `<!-- incident-report-disable RULE … -->`; `'*'` for all. */
  readonly disabledRules: Set<string>;
}

export interface ParsedReport {
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatter | null;
  /** The first level-1 heading. */
  readonly title: Heading | null;
  /** Top-level sections (level 2, or level 1 after the title), each with its subsections. */
  readonly sections: Section[];
  /** Every section in document order. */
  readonly allSections: Section[];
  /** Rules turned off for the whole document by a disable comment before the first section. */
  readonly disabledRules: Set<string>;
  /** Content before the first section (after the title). */
  readonly preamble: Block[];
}

const DISABLE_COMMENT = /<!--\s*incident-report-disable\b([^>]*?)-->/;
const LIST_MARKER = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/;
const BOLD_FIELD = /^(\*\*|__)([^*_]+?)\s*(:?)\1\s*(:?)[ \t]*/;
const PLAIN_FIELD = /^([A-Za-z][\w /&()'’.-]{0,60}?)[ \t]*:[ \t]*/;

export function parseReport(text: string): ParsedReport {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(lines);
  const tokens = parseMarkdownBlocks(maskFrontMatter(text, lines, frontMatter));
  const builder = new SectionBuilder(lines);
  builder.walk(tokens);
  return {
    text,
    lines,
    frontMatter,
    title: builder.title,
    sections: builder.roots,
    allSections: builder.all,
    disabledRules: builder.documentDisabled,
    preamble: builder.preamble,
  };
}

/** Blanks the front matter and the BOM so Markdown sees neither, keeping every line where it was. */
function maskFrontMatter(text: string, lines: LineIndex, frontMatter: FrontMatter | null): string {
  const body = text.replace(/^\uFEFF/, ' ');
  if (!frontMatter) return body;
  const blank = Array.from({ length: frontMatter.endLine + 1 }, () => '').join('\n');
  return blank + body.slice(lines.lineEnd(frontMatter.endLine));
}

class SectionBuilder {
  title: Heading | null = null;
  readonly roots: Section[] = [];
  readonly all: Section[] = [];
  readonly preamble: Block[] = [];
  readonly documentDisabled = new Set<string>();
  private current: Section | null = null;

  constructor(private readonly lines: LineIndex) {}

  walk(tokens: Token[]): void {
    let listItemDepth = 0;
    let firstParagraphOfItem = false;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'heading_open') {
        this.addHeading(token, tokens[i + 1]);
        i += 2;
        continue;
      }
      if (token.level === 0 && token.map && !token.type.endsWith('_close')) this.addBlock(token);
      switch (token.type) {
        case 'list_item_open':
          listItemDepth++;
          firstParagraphOfItem = true;
          break;
        case 'list_item_close':
          listItemDepth--;
          break;
        case 'inline':
          if (token.map && this.current) this.addInline(token.map, listItemDepth > 0, firstParagraphOfItem && listItemDepth > 0);
          firstParagraphOfItem = false;
          break;
        case 'tr_open':
          if (token.map && this.current && tokens[i - 1]?.type !== 'thead_open') this.addContentLines(token.map[0], token.map[1], false);
          break;
        case 'html_block':
        case 'html_inline':
          this.addDisableComment(token.content);
          break;
      }
    }
    this.finish();
  }

  private addHeading(open: Token, inline: Token): void {
    const [startLine, endLine] = open.map ?? [0, 1];
    const level = Number(open.tag.slice(1));
    const title = plainInline(inline);
    const firstLineText = this.lines.lineText(startLine);
    const rawFirstLine = inline.content.split('\n')[0];
    const at = Math.max(0, firstLineText.indexOf(rawFirstLine));
    const lineStart = this.lines.lineStart(startLine);
    const heading: Heading = {
      level,
      title,
      line: startLine,
      range: { start: lineStart, end: this.lines.lineEnd(endLine - 1) },
      titleRange: { start: lineStart + at, end: lineStart + at + rawFirstLine.length },
    };
    if (level === 1 && !this.title && this.all.length === 0) {
      this.title = heading;
      return;
    }
    // Level 1 and 2 headings after the title are all top-level sections.
    let parent = level <= 2 ? null : this.current;
    while (parent && parent.heading.level >= level) parent = parent.parent;
    const bodyStart = endLine < this.lines.lineCount ? this.lines.lineStart(endLine) : this.lines.text.length;
    const section: Section = {
      heading,
      parent,
      children: [],
      range: { start: lineStart, end: this.lines.text.length },
      bodyRange: { start: bodyStart, end: this.lines.text.length },
      blocks: [],
      fields: [],
      lines: [],
      disabledRules: new Set(),
    };
    if (parent) parent.children.push(section);
    else this.roots.push(section);
    this.all.push(section);
    this.current = section;
  }

  private addBlock(token: Token): void {
    const [startLine, endLine] = token.map!;
    const range = { start: this.lines.lineStart(startLine), end: this.lines.lineEnd(endLine - 1) };
    const type = token.type.replace(/_open$/, '');
    const block: Block = { type, startLine, endLine, range, text: this.lines.text.slice(range.start, range.end) };
    if (this.current) this.current.blocks.push(block);
    else if (this.title) this.preamble.push(block);
  }

  private addInline(map: [number, number], listItem: boolean, firstOfItem: boolean): void {
    this.addContentLines(map[0], map[1], listItem);
    if (firstOfItem) this.addField(map);
  }

  private addContentLines(startLine: number, endLine: number, listItem: boolean): void {
    for (let line = startLine; line < endLine; line++) {
      const lineStart = this.lines.lineStart(line);
      const full = this.lines.lineText(line);
      const marker = listItem || full.trimStart().startsWith('>') ? (LIST_MARKER.exec(full)?.[0].length ?? 0) : full.length - full.trimStart().length;
      const text = full.slice(marker).trimEnd();
      if (text.length === 0) continue;
      this.current!.lines.push({ line, text, range: { start: lineStart + marker, end: lineStart + marker + text.length }, listItem });
    }
  }

  private addField([startLine, endLine]: [number, number]): void {
    const lineStart = this.lines.lineStart(startLine);
    const full = this.lines.lineText(startLine);
    const markerLength = LIST_MARKER.exec(full)?.[0].length ?? 0;
    const rest = full.slice(markerLength);
    const bold = BOLD_FIELD.exec(rest);
    const plain = bold ? null : PLAIN_FIELD.exec(rest);
    let name: string;
    let nameOffset: number;
    let labelLength: number;
    if (bold && (bold[3] || bold[4])) {
      name = bold[2].trim();
      nameOffset = bold[1].length;
      labelLength = bold[0].length;
    } else if (plain && plain[1].trim().split(/\s+/).length <= 8) {
      name = plain[1].trim();
      nameOffset = 0;
      labelLength = plain[0].length;
    } else {
      return;
    }
    const valueStart = lineStart + markerLength + labelLength;
    const lastLine = endLine - 1;
    const valueEnd = Math.max(valueStart, this.lines.lineEnd(lastLine) - (this.lines.lineText(lastLine).length - this.lines.lineText(lastLine).trimEnd().length));
    const value = this.lines.text
      .slice(valueStart, valueEnd)
      .split(/\r\n|\r|\n/)
      .map((part) => part.trim())
      .join(' ')
      .trim();
    const nameStart = lineStart + markerLength + nameOffset;
    this.current!.fields.push({
      name,
      value,
      line: startLine,
      range: { start: lineStart, end: this.lines.lineEnd(lastLine) },
      nameRange: { start: nameStart, end: nameStart + name.length },
      valueRange: { start: valueStart, end: valueEnd },
      bold: Boolean(bold),
    });
  }

  private addDisableComment(html: string): void {
    const match = DISABLE_COMMENT.exec(html);
    if (!match) return;
    const rules = match[1].split(/[\s,]+/).filter(Boolean);
    const target = this.current?.disabledRules ?? this.documentDisabled;
    for (const rule of rules.length > 0 ? rules : ['*']) target.add(rule);
  }

  /** A section ends where the next top-level section or heading of its level or higher starts; its own content at the next heading. */
  private finish(): void {
    const end = this.lines.text.length;
    this.all.forEach((section, index) => {
      const next = this.all[index + 1];
      const closing = this.all.slice(index + 1).find((other) => other.parent === null || other.heading.level <= section.heading.level);
      section.range = { start: section.range.start, end: closing ? closing.range.start : end };
      section.bodyRange = { start: Math.min(section.bodyRange.start, next ? next.range.start : end), end: next ? next.range.start : end };
    });
  }
}

/** Whether a rule is turned off for a section, by a comment in it or in one of its parents, or for the document. */
export function isRuleDisabled(report: ParsedReport, section: Section | null, rule: string): boolean {
  const matches = (set: Set<string>) => set.has('*') || set.has(rule) || [...set].some((entry) => entry.endsWith('.*') && rule.startsWith(entry.slice(0, -1)));
  if (matches(report.disabledRules)) return true;
  for (let node = section; node; node = node.parent) if (matches(node.disabledRules)) return true;
  return false;
}

/** The innermost section whose range holds the offset. */
export function sectionAt(report: ParsedReport, offset: number): Section | null {
  let found: Section | null = null;
  for (const section of report.allSections) {
    if (section.range.start <= offset && offset <= section.range.end) found = section;
  }
  return found;
}
