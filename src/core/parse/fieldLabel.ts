/** Where the label of a field line stands: `**Name:**`, `**Name**:`, `__Name:__` or a plain `Name:`. */
export interface FieldLabel {
  readonly name: string;
  /** Offset of the name in the text given. */
  readonly nameOffset: number;
  /** Length of the label with its colon and the blanks after it: the value starts there. */
  readonly length: number;
  readonly bold: boolean;
}

const PLAIN_LABEL = /^[A-Za-z][\w /&()'’.-]*$/;
const MAX_PLAIN_LABEL = 61;
const MAX_PLAIN_WORDS = 8;

/**
 * The label at the start of a list item's first line (markers removed), or null. Written with string searches
 * rather than one regular expression: a line such as `- **` followed by thousands of blanks made the pattern
 * backtrack for seconds on every keystroke.
 */
export function parseFieldLabel(text: string): FieldLabel | null {
  return boldLabel(text) ?? plainLabel(text);
}

function boldLabel(text: string): FieldLabel | null {
  const delimiter = text.startsWith('**') ? '**' : text.startsWith('__') ? '__' : null;
  if (!delimiter) return null;
  const close = text.indexOf(delimiter, 2);
  if (close === -1) return null;
  const inner = text.slice(2, close);
  if (inner.includes('*') || inner.includes('_')) return null;
  const trimmed = inner.trimEnd();
  const colonInside = trimmed.endsWith(':');
  const name = (colonInside ? trimmed.slice(0, -1) : trimmed).trim();
  let end = skipBlanks(text, close + 2, true);
  const colonOutside = text.charAt(end) === ':';
  if (colonOutside) end++;
  if (!name || (!colonInside && !colonOutside)) return null;
  return { name, nameOffset: 2 + (inner.length - inner.trimStart().length), length: skipBlanks(text, end, false), bold: true };
}

function plainLabel(text: string): FieldLabel | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const before = text.slice(0, colon);
  const name = before.trimEnd();
  if (name.length > MAX_PLAIN_LABEL || !PLAIN_LABEL.test(name) || skipBlanks(before, name.length, false) !== before.length) return null;
  if (name.split(' ').filter(Boolean).length > MAX_PLAIN_WORDS) return null;
  return { name, nameOffset: 0, length: skipBlanks(text, colon + 1, false), bold: false };
}

/** The offset after the spaces and tabs (or any white space) starting at `from`. */
function skipBlanks(text: string, from: number, anyWhiteSpace: boolean): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || (anyWhiteSpace && /\s/.test(text[at])))) at++;
  return at;
}
