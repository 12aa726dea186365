import MarkdownIt, { type Token } from 'markdown-it';

const parser = new MarkdownIt({ html: true });
// Block structure only: the report reads paragraphs, list items and table rows line by line from their source, and
// only a heading's text needs its inline markup parsed (`plainInline`). Inline parsing of every line was the larger
// half of the parse.
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/**
 * Block tokens of a Markdown text, their `inline` tokens without children. markdown-it's line maps count lines the
 * way LineIndex does (it normalises \r\n and \r), so `map` lines index straight into the original text.
 */
export function parseMarkdownBlocks(text: string): Token[] {
  return parser.parse(text, {});
}

/** The text of an inline token (a heading's) without its Markdown markup. */
export function plainInline(token: Token): string {
  const children: Token[] = [];
  parser.inline.parse(token.content, parser, {}, children);
  return children
    .map((child) => (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
    .join('')
    .trim();
}

export type { Token };
