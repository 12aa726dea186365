/** A line of Markdown as a reader sees it: no emphasis markers, links as their text, table cells joined by dashes. */
export function plainText(markdown: string): string {
  const text = markdown
    // Neither bracket may repeat inside a link's parts: a line of many `[` or `(` stays linear to scan.
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[\s(])[*_]+(?=\S)/g, '$1')
    .replace(/([^\s*_])[*_]+(?=$|[\s.,;:!?)])/g, '$1');
  if (!text.includes('|')) return text.trim();
  return text
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' — ');
}

const LEADING_SEPARATORS = /^[\s*_|:,.;–—-]+/;

/**
 * The text of a line that is about its date: when the line starts with the date ("- 23:27 UTC — database removed"),
 * the date and the separator after it go; a date inside the sentence stays ("restoration completed on April 18").
 */
export function eventTextOfLine(line: string, dateStart: number, dateEnd: number): string {
  const before = line.slice(0, dateStart);
  if (/[\p{L}\p{N}]/u.test(before)) return plainText(line);
  const rest = plainText(line.slice(dateEnd).replace(LEADING_SEPARATORS, ''));
  return rest || plainText(line);
}
