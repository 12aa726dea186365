import MarkdownIt, { type Token } from 'markdown-it';
import { RecentCache } from '../text/recentCache';

const parser = new MarkdownIt({ html: true });
// Block structure only: the report reads paragraphs, list items and table rows line by line from their source, and
// only a heading's text needs its inline markup parsed (`plainInline`). Inline parsing of every line was the larger
// half of the parse.
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** Block tokens of one stretch of a text; their line maps count from the stretch's first line. */
export interface BlockChunk {
  readonly firstLine: number;
  readonly tokens: readonly Token[];
}

/**
 * Block tokens of a Markdown text, their `inline` tokens without children, in stretches that each start at a
 * heading (but the first). markdown-it's line maps count lines the way LineIndex does (it normalises \r\n and \r).
 *
 * Re-reading a document after an edit parses only the stretches that changed. A stretch ends where a heading starts
 * at the top level: nothing before such a heading is open at it (no list, quote, fence or HTML block), so Markdown
 * reads what follows the same whether or not it sees what came before. A stretch is cut at a heading only when
 * parsing it together with that heading's line shows the heading at the top level; otherwise the stretch goes on.
 */
export function parseMarkdownBlocks(text: string, minChunkLines = MIN_CHUNK_LINES): BlockChunk[] {
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const chunks: BlockChunk[] = [];
  let start = { offset: 0, line: 0 };
  let failedCuts = 0;
  for (const cut of headingLines(source)) {
    if (cut.line - start.line < minChunkLines) continue;
    const lineEnd = source.indexOf('\n', cut.offset);
    const tokens = parseUpToHeading(source.slice(start.offset, lineEnd === -1 ? source.length : lineEnd), cut.line - start.line);
    if (tokens) {
      chunks.push({ firstLine: start.line, tokens });
      start = cut;
      failedCuts = 0;
    } else if (++failedCuts === MAX_FAILED_CUTS) {
      // Something stays open past heading after heading (an unclosed fence): the rest is read in one piece rather
      // than again and again from the same start.
      break;
    }
  }
  // A text read in one piece is parsed again whenever it changes at all: keeping it would only cost its copy.
  const rest = source.slice(start.offset);
  chunks.push({ firstLine: start.line, tokens: chunks.length === 0 ? parseBlocks(rest) : parseRest(rest) });
  return chunks;
}

/**
 * Stretches shorter than this are not cut: each cut costs a parse of its own and of the heading line after it, and
 * a first analysis pays for every cut. An edit parses its stretch again, and a few hundred lines take a fraction of
 * a millisecond (measured in `npm run bench`: at 16, a first analysis of 1,000 lines cost ~1.5x a parse, at 256
 * ~1.35x, re-analyses as much either way; at 1,024, re-reading 1,000 lines after an edit was 1.2x a parse).
 */
const MIN_CHUNK_LINES = 256;
const MAX_FAILED_CUTS = 4;

/**
 * Each stretch's tokens, by its text with the line of the heading that ends it; null when that heading is not at
 * the top level. Tokens take about 11 times the memory of their text: stretches longer than `MAX_KEPT_STRETCH` are
 * parsed every time rather than kept, and few last stretches (often a whole document without headings) are kept.
 */
const stretches = new RecentCache<readonly Token[] | null>(2_048);
const lastStretches = new RecentCache<readonly Token[]>(4);
const MAX_KEPT_STRETCH = 1 << 20;

/** The tokens of the text before its last line, when that line is a top-level heading. */
function parseUpToHeading(piece: string, headingLine: number): readonly Token[] | null {
  const parse = (text: string) => {
    const tokens = parseBlocks(text);
    const open = tokens[tokens.length - 3];
    const atTopLevel = open?.type === 'heading_open' && open.level === 0 && open.map?.[0] === headingLine;
    return atTopLevel ? tokens.slice(0, -3) : null;
  };
  return piece.length > MAX_KEPT_STRETCH ? parse(piece) : stretches.get(piece, parse);
}

function parseRest(piece: string): readonly Token[] {
  return piece.length > MAX_KEPT_STRETCH ? parseBlocks(piece) : lastStretches.get(piece, parseBlocks);
}

/** Block tokens of a whole text, in one piece. */
export function parseBlocks(text: string): Token[] {
  return parser.parse(text, {});
}

/**
 * Where lines that may be top-level headings start: `#` at the start of a line, outside what looks like a fenced
 * code block. This only proposes where to try a cut; markdown-it's parse decides.
 */
function* headingLines(source: string): Generator<{ offset: number; line: number }> {
  let fence: string | null = null;
  let line = 0;
  for (let offset = 0; offset < source.length; line++) {
    const next = source.indexOf('\n', offset);
    const end = next === -1 ? source.length : next;
    const first = source.charCodeAt(offset);
    if (first === HASH && fence === null && offset > 0) {
      if (ATX_HEADING.test(source.slice(offset, Math.min(end, offset + 8)))) yield { offset, line };
    } else if (first === SPACE || first === BACKTICK || first === TILDE) {
      fence = fenceAfter(fence, source.slice(offset, end));
    }
    offset = end + 1;
  }
}

const HASH = 0x23;
const SPACE = 0x20;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether the lines of a fenced code block leave it open (its closing line is missing: it runs to the end). */
export function isFenceLeftOpen(lines: readonly string[]): boolean {
  return lines.reduce<string | null>((open, line) => fenceAfter(open, line), null) !== null;
}

/**
 * The fence still open after a line: three or more backticks or tildes open one (backticks only when no backtick
 * follows them), as many or more of the same and nothing else close it.
 */
function fenceAfter(open: string | null, line: string): string | null {
  const match = FENCE.exec(line);
  if (!match) return open;
  const rest = line.slice(match[0].length);
  if (open === null) return match[1][0] === '`' && rest.includes('`') ? null : match[1];
  return match[1][0] === open[0] && match[1].length >= open.length && rest.trim() === '' ? null : open;
}

/** The text of an inline token (a heading's) without its Markdown markup. */
export function plainInline(token: Token): string {
  // A text with no character an inline rule starts at (markup, escapes, entities, HTML, line breaks) reads as itself.
  if (!INLINE_MARKUP.test(token.content)) return token.content.trim();
  const children: Token[] = [];
  parser.inline.parse(token.content, parser, {}, children);
  return children
    .map((child) => (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
    .join('')
    .trim();
}

const INLINE_MARKUP = /[\n\\`*_[\]<>&!~]/;

export type { Token };
