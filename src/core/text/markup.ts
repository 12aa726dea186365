// Elements described as data, so that one function can lay out a picture that the preview's webview turns into DOM
// nodes and the HTML export writes as text. Strings among the children are text, never markup.

export interface Markup {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (Markup | string)[];
}

export function markup(tag: string, attributes: Readonly<Record<string, string>> = {}, children: readonly (Markup | string)[] = []): Markup {
  return { tag, attributes, children };
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** The element as HTML: every text and attribute value escaped; every element closed (SVG's empty ones included). */
export function toHtml(node: Markup | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  const attributes = Object.entries(node.attributes).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  return `<${node.tag}${attributes}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
