import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { LineIndex } from '../text/lineIndex';
import { parseFieldLabel } from './fieldLabel';
import { parseMarkdownBlocks, plainInline, type BlockChunk, type Token } from './markdown';
import type { Range } from '../types';

interface Heading {
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

/** A table cell: its text as written (escaped pipes unescaped) and where it stands. */
export interface TableCell {
  readonly text: string;
  readonly range: Range;
}

interface TableRow {
  readonly line: number;
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly header: TableRow;
  readonly rows: TableRow[];
}

/** The first paragraph of a list item: what a task-list item or a field line is written in. */
export interface ListItem {
  readonly line: number;
  /** Exclusive. */
  readonly endLine: number;
  /** The list, quote and task markers before the text, as written (\`- [ ] \`). */
  readonly marker: string;
  /** The paragraph's lines after the marker, trimmed and joined by spaces. */
  readonly text: string;
  /** From the first character after the marker to the paragraph's last non-blank character. */
  readonly range: Range;
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
  /** The first paragraph of each of its own list items, nested ones too, in document order. */
  readonly items: ListItem[];
  /** The section's own tables, header and rows cut into cells. */
  readonly tables: Table[];
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
  /** Content before the first section (the title is not a block). */
  readonly preamble: Block[];
}

const DISABLE_KEYWORD = 'incident-report-disable';
/** List, task and quote markers at the start of a line (sticky: matched at `lastIndex`). */
const LIST_MARKER = /\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/y;

/** The length of the list, task and quote markers a line starts with, found without a match array. */
export function listMarkerLength(line: string): number {
  LIST_MARKER.lastIndex = 0;
  LIST_MARKER.test(line);
  return LIST_MARKER.lastIndex;
}

export function parseReport(text: string): ParsedReport {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(lines);
  const builder = new SectionBuilder(lines);
  const { body, firstLine } = markdownBody(text, lines, frontMatter);
  for (const chunk of parseMarkdownBlocks(body)) builder.walk({ firstLine: firstLine + chunk.firstLine, tokens: chunk.tokens });
  builder.finish();
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

/**
 * The Markdown of the text, after its front matter (a slice, not a copy of a large text), and the line it starts
 * at; a BOM becomes a space, so that Markdown sees neither.
 */
function markdownBody(text: string, lines: LineIndex, frontMatter: FrontMatter | null): { body: string; firstLine: number } {
  if (!frontMatter) return { body: text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, firstLine: 0 };
  const firstLine = frontMatter.endLine + 1;
  return { body: firstLine < lines.lineCount ? text.slice(lines.lineStart(firstLine)) : '', firstLine };
}

class SectionBuilder {
  title: Heading | null = null;
  readonly roots: Section[] = [];
  readonly all: Section[] = [];
  readonly preamble: Block[] = [];
  readonly documentDisabled = new Set<string>();
  private current: Section | null = null;

  constructor(private readonly lines: LineIndex) {}

  /** Reads one stretch of tokens (stretches start at the top level, outside any list). Call `finish` after the last. */
  walk({ firstLine, tokens }: BlockChunk): void {
    let listItemDepth = 0;
    let firstParagraphOfItem = false;
    // The stretch's line maps count from its first line.
    const lines = (map: [number, number]): [number, number] => [map[0] + firstLine, map[1] + firstLine];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const { map } = token;
      // Headings inside block quotes and list items are content, not sections.
      if (token.type === 'heading_open' && token.level === 0) {
        this.addHeading(map ? lines(map) : [firstLine, firstLine + 1], token, tokens[i + 1]);
        i += 2;
        continue;
      }
      // Closing tokens (nesting -1) end a block that was added when it opened.
      if (token.level === 0 && map && token.nesting !== -1) this.addBlock(token, lines(map));
      switch (token.type) {
        case 'list_item_open':
          listItemDepth++;
          firstParagraphOfItem = true;
          break;
        case 'list_item_close':
          listItemDepth--;
          break;
        case 'inline':
          if (map && this.current) this.addInline(lines(map), listItemDepth > 0, firstParagraphOfItem && listItemDepth > 0);
          firstParagraphOfItem = false;
          break;
        case 'tr_open': {
          if (!map || !this.current) break;
          const [start, end] = lines(map);
          if (tokens[i - 1]?.type === 'thead_open') {
            this.current.tables.push({ header: this.tableRow(start), rows: [] });
          } else {
            this.addContentLines(start, end, false);
            const table = this.current.tables.at(-1);
            table?.rows.push(this.tableRow(start, table.header.cells.length));
          }
          break;
        }
        case 'html_block':
        case 'html_inline':
          this.addDisableComment(token.content);
          break;
      }
    }
  }

  private addHeading([startLine, endLine]: [number, number], open: Token, inline: Token): void {
    const level = Number(open.tag.slice(1));
    const lineStart = this.lines.lineStart(startLine);
    const heading: Heading = {
      level,
      title: plainInline(inline),
      line: startLine,
      range: { start: lineStart, end: this.lines.lineEnd(endLine - 1) },
      titleRange: this.titleRange(startLine, inline.content),
    };
    if (level === 1 && !this.title && this.all.length === 0) {
      this.title = heading;
      return;
    }
    // The parent is the nearest section of a lower level before it, so levels count relative to the report's own:
    // a report may use \`#\` for its sections or start them at \`###\`.
    let parent = this.current;
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
      items: [],
      tables: [],
      disabledRules: new Set(),
    };
    if (parent) parent.children.push(section);
    else this.roots.push(section);
    this.all.push(section);
    this.current = section;
  }

  /** From the title's first character to its last, over every line of a setext heading's text, without the underline. */
  private titleRange(startLine: number, content: string): Range {
    const rawLines = content.split('\n');
    const first = rawLines[0];
    const last = rawLines[rawLines.length - 1];
    const lastLine = startLine + rawLines.length - 1;
    const start = this.lines.lineStart(startLine) + Math.max(0, this.lines.lineText(startLine).indexOf(first));
    const end = this.lines.lineStart(lastLine) + Math.max(0, this.lines.lineText(lastLine).indexOf(last)) + last.length;
    return { start, end: Math.max(start, end) };
  }

  private addBlock(token: Token, [startLine, endLine]: [number, number]): void {
    const range = { start: this.lines.lineStart(startLine), end: this.lines.lineEnd(endLine - 1) };
    // An opening token's type ends with "_open".
    const type = token.nesting === 1 ? token.type.slice(0, -'_open'.length) : token.type;
    const block: Block = { type, startLine, endLine, range, text: this.lines.text.slice(range.start, range.end) };
    if (this.current) this.current.blocks.push(block);
    else this.preamble.push(block);
  }

  private addInline(map: [number, number], listItem: boolean, firstOfItem: boolean): void {
    this.addContentLines(map[0], map[1], listItem);
    if (firstOfItem) {
      const firstLine = this.lines.lineText(map[0]);
      const markerLength = listMarkerLength(firstLine);
      this.addItem(map, firstLine.slice(0, markerLength));
      this.addField(map, firstLine, markerLength);
    }
  }

  private addItem([startLine, endLine]: [number, number], marker: string): void {
    const lastLine = endLine - 1;
    const start = this.lines.lineStart(startLine) + marker.length;
    const end = Math.max(start, this.lines.lineStart(lastLine) + this.lines.lineText(lastLine).trimEnd().length);
    this.current!.items.push({ line: startLine, endLine, marker, text: this.joinedLines(start, end), range: { start, end } });
  }

  /** The text between two offsets, its lines trimmed and joined by spaces. */
  private joinedLines(start: number, end: number): string {
    const text = this.lines.text.slice(start, end);
    if (!/[\r\n]/.test(text)) return text.trim();
    return text
      .split(/\r\n|\r|\n/)
      .map((part) => part.trim())
      .join(' ')
      .trim();
  }

  /**
   * A table row cut into cells at its unescaped pipes, as GitHub Flavored Markdown cuts it (markdown-it says which
   * lines are rows, but not where their cells stand). At most `limit` cells, as the header has.
   */
  private tableRow(line: number, limit = Infinity): TableRow {
    const text = this.lines.lineText(line);
    const lineStart = this.lines.lineStart(line);
    const pipes: number[] = [];
    for (let at = 0; at < text.length; at++) {
      if (text[at] === '\\') at++;
      else if (text[at] === '|') pipes.push(at);
    }
    const edges = [-1, ...pipes, text.length];
    const cells: TableCell[] = [];
    for (let i = 0; i + 1 < edges.length && cells.length < limit; i++) {
      const raw = text.slice(edges[i] + 1, edges[i + 1]);
      // Nothing stands before a row's opening pipe or after its closing one.
      if ((i === 0 || i === edges.length - 2) && raw.trim() === '') continue;
      const start = lineStart + edges[i] + 1 + (raw.length - raw.trimStart().length);
      const trimmed = raw.trim();
      cells.push({ text: trimmed.replace(/\\\|/g, '|'), range: { start, end: start + trimmed.length } });
    }
    return { line, cells };
  }

  private addContentLines(startLine: number, endLine: number, listItem: boolean): void {
    for (let line = startLine; line < endLine; line++) {
      const lineStart = this.lines.lineStart(line);
      const full = this.lines.lineText(line);
      const marker = listItem || /^\s*>/.test(full) ? listMarkerLength(full) : indentOf(full);
      const text = full.slice(marker).trimEnd();
      if (text.length === 0) continue;
      this.current!.lines.push({ line, text, range: { start: lineStart + marker, end: lineStart + marker + text.length }, listItem });
    }
  }

  private addField([startLine, endLine]: [number, number], full: string, markerLength: number): void {
    const lineStart = this.lines.lineStart(startLine);
    const label = parseFieldLabel(full.slice(markerLength));
    if (!label) return;
    const valueStart = lineStart + markerLength + label.length;
    const lastLine = endLine - 1;
    const valueEnd = Math.max(valueStart, this.lines.lineStart(lastLine) + this.lines.lineText(lastLine).trimEnd().length);
    const value = this.joinedLines(valueStart, valueEnd);
    const nameStart = lineStart + markerLength + label.nameOffset;
    this.current!.fields.push({
      name: label.name,
      value,
      line: startLine,
      range: { start: lineStart, end: this.lines.lineEnd(lastLine) },
      nameRange: { start: nameStart, end: nameStart + label.name.length },
      valueRange: { start: valueStart, end: valueEnd },
      bold: label.bold,
    });
  }

  private addDisableComment(html: string): void {
    const target = this.current?.disabledRules ?? this.documentDisabled;
    for (const rules of disableComments(html)) for (const rule of rules.length > 0 ? rules : ['*']) target.add(rule);
  }

  /**
   * A section ends where the next section that is not one of its subsections starts; its own content at the next
   * heading. One pass with a stack of the sections still open.
   */
  finish(): void {
    const end = this.lines.text.length;
    const open: Section[] = [];
    this.all.forEach((section, index) => {
      const next = this.all[index + 1];
      section.bodyRange = { start: Math.min(section.bodyRange.start, next ? next.range.start : end), end: next ? next.range.start : end };
      while (open.length > 0 && open[open.length - 1].heading.level >= section.heading.level) {
        const closed = open.pop()!;
        closed.range = { start: closed.range.start, end: section.range.start };
      }
      open.push(section);
    });
    for (const section of open) section.range = { start: section.range.start, end };
  }
}

/** The length of the white space a line starts with. */
function indentOf(line: string): number {
  const text = line.search(/\S/);
  return text === -1 ? line.length : text;
}

/** The rule lists of the `<!-- incident-report-disable RULE … -->` comments in an HTML text (empty: every rule). */
function disableComments(html: string): string[][] {
  const found: string[][] = [];
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', open + 4)) {
    const close = html.indexOf('-->', open + 4);
    if (close === -1) break;
    const body = html.slice(open + 4, close).trim();
    if (body.startsWith(DISABLE_KEYWORD) && !/^[\w-]/.test(body.slice(DISABLE_KEYWORD.length))) {
      found.push(body.slice(DISABLE_KEYWORD.length).split(/[\s,]+/).filter(Boolean));
    }
    open = close;
  }
  return found;
}

/** Whether a rule is turned off for a section, by a comment in it or in one of its parents, or for the document. */
export function isRuleDisabled(report: ParsedReport, section: Section | null, rule: string): boolean {
  const matches = (set: Set<string>) =>
    set.size > 0 && (set.has('*') || set.has(rule) || [...set].some((entry) => entry.endsWith('.*') && rule.startsWith(entry.slice(0, -1))));
  if (matches(report.disabledRules)) return true;
  for (let node = section; node; node = node.parent) if (matches(node.disabledRules)) return true;
  return false;
}

/**
 * The innermost section whose range holds the offset: the last section starting at or before it, found by a binary
 * search (each diagnostic asks). A section's range runs to the next heading of its level or above, past the
 * headings of its own subsections, so it holds every offset up to the next section's start.
 */
export function sectionAt(report: ParsedReport, offset: number): Section | null {
  const sections = report.allSections;
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sections[middle].range.start <= offset) low = middle + 1;
    else high = middle;
  }
  const found = sections[low - 1];
  return found && offset <= found.range.end ? found : null;
}

/** A section named so that it can be found again after edits: its heading's title and which of that title it is. */
export interface SectionRef {
  readonly title: string;
  readonly occurrence: number;
}

export function sectionRef(report: ParsedReport, section: Section): SectionRef {
  const sameTitle = report.allSections.filter((candidate) => candidate.heading.title === section.heading.title);
  return { title: section.heading.title, occurrence: sameTitle.indexOf(section) };
}

/** The section a ref names in this (perhaps edited) report, or null when it is gone. */
export function findSection(report: ParsedReport, ref: SectionRef): Section | null {
  return report.allSections.filter((candidate) => candidate.heading.title === ref.title)[ref.occurrence] ?? null;
}
