import type { Markup } from '../../core/text/markup';

interface ElementOptions {
  readonly className?: string;
  /** Set as text, never parsed as HTML: the report's text goes through here. */
  readonly text?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An element with its classes, text, attributes and children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  { className, text, attributes = {} }: ElementOptions = {},
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}

/** Sets the text only when it changes, so a live region announces changes, not every update. */
export function setText(target: HTMLElement, text: string): void {
  if (target.textContent !== text) target.textContent = text;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Markup laid out by the core as DOM: an `svg` element and everything in it in SVG's namespace; text as text nodes only. */
export function fromMarkup(node: Markup | string, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const created = svg ? document.createElementNS(SVG_NAMESPACE, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attributes)) created.setAttribute(name, value);
  created.append(...node.children.map((child) => fromMarkup(child, svg)));
  return created;
}
