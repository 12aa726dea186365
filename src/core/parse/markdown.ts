import MarkdownIt, { type Token } from 'markdown-it';

const parser = new MarkdownIt({ html: true });

/**
 * Block tokens of a Markdown text. markdown-it's line maps count lines the way LineIndex does
 * (it normalises \r\n and \r), so `map` lines index straight into the original text.
 */
export function parseMarkdownBlocks(text: string): Token[] {
  return parser.parse(text, {});
}

/** The text of an inline token without its Markdown markup. */
export function plainInline(token: Token): string {
  if (!token.children) return token.content;
  return token.children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
    .join('')
    .trim();
}

export type { Token };
