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

/** An SVG element with its attributes and children; report text goes in as text nodes only. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string>> = {}, children: readonly Node[] = []): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG_NAMESPACE, tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}
