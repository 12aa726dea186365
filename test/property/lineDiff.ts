import { applyEdits } from '../../src/core/edits/apply';
import { refang } from '../../src/core/security/indicators';
/**
 * Which lines of a text a command lost. Commands may insert lines anywhere, move whole sections, and (some of them)
 * rewrite a line in place; what they must never do is drop a line someone wrote.
 *
 * The lines of the input and the output are aligned by their longest common subsequence (an LCS table over lines:
 * these documents have hundreds of lines, so the quadratic table is small). Lines outside the common subsequence
 * form hunks: runs of deleted input lines and inserted output lines between two aligned lines, as `diff` prints them.
 * An input line of a hunk is
 * - kept, when the same text was inserted anywhere in the output (a moved section shows up as a deletion in one
 *   hunk and an insertion in another);
 * - replaced in place, when it is paired with an inserted line of its own hunk (the hunk's remaining deleted
 *   and inserted lines pair up in order, as a diff's "change" does) that is not blank and starts with the same
 *   Markdown markup (`## `, `- **`, `> `, …), and the caller allows that line to be rewritten;
 * - rewritten and moved (a renamed heading, or indicators defanged, in a section that was also moved), when,
 *   failing that, an inserted line elsewhere has the same markup and the same text once refanged, or mostly the same
 *   text (a common prefix and suffix covering at least half of the longer line), and the caller allows the rewrite;
 * - lost, otherwise.
 * Lines are compared without trailing white space and without a leading BOM; with `renamesHeadings`, heading lines
 * (ATX, and the text line and underline of a setext heading) are compared as headings only, so that a heading renamed,
 * moved and given the level of its new place is still found. Only the input lines that `matters` accepts are looked for (blank lines and placeholders may go);
 * the others take no part in the pairing. Returns the lost lines as written.
 */
export function lostLines(before: readonly string[], after: readonly string[], rules: LineRules): string[] {
  const { matters, mayReplace } = rules;
  const a = comparable(before, rules.renamesHeadings ?? false);
  const b = comparable(after, rules.renamesHeadings ?? false);
  const hunks = diffHunks(a, b);
  const inserted = new Map<string, number>();
  for (const hunk of hunks) for (const line of hunk.inserted) inserted.set(line, (inserted.get(line) ?? 0) + 1);
  const take = (line: string) => {
    const count = inserted.get(line) ?? 0;
    if (count > 0) inserted.set(line, count - 1);
    return count > 0;
  };
  const lost: string[] = [];
  const unexplained = hunks.map((hunk) => hunk.deleted.filter((index) => matters(before[index]) && !take(a[index])));
  hunks.forEach((hunk, i) => {
    const replacements = hunk.inserted.filter((line) => line.trim() !== '' && (inserted.get(line) ?? 0) > 0);
    for (const index of unexplained[i]) {
      const line = a[index];
      const partner = replacements.findIndex((candidate) => leadingMarkup(candidate) === leadingMarkup(line));
      if (partner >= 0 && mayReplace(line) && take(replacements[partner])) replacements.splice(partner, 1);
      else if (!(mayReplace(line) && takeRewrite(line))) lost.push(before[index]);
    }
  });
  return lost;

  function takeRewrite(line: string): boolean {
    for (const [candidate, count] of inserted) if (count > 0 && isRewriteOf(candidate, line)) return take(candidate);
    return false;
  }
}

function isRewriteOf(candidate: string, line: string): boolean {
  if (candidate.trim() === '' || leadingMarkup(candidate) !== leadingMarkup(line)) return false;
  if (refanged(candidate) === refanged(line)) return true; // indicators defanged: every word is still there
  let prefix = 0;
  while (prefix < candidate.length && prefix < line.length && candidate[prefix] === line[prefix]) prefix++;
  let suffix = 0;
  const shorter = Math.min(candidate.length, line.length);
  while (suffix < shorter - prefix && candidate[candidate.length - 1 - suffix] === line[line.length - 1 - suffix]) suffix++;
  return 2 * (prefix + suffix) >= Math.max(candidate.length, line.length);
}

function refanged(line: string): string {
  return applyEdits(line, refang(line));
}

export interface LineRules {
  /** Whether losing this input line would lose content. */
  readonly matters: (line: string) => boolean;
  /** Whether the command may rewrite this input line in place. */
  readonly mayReplace: (line: string) => boolean;
  /** The command may rename headings (Fix All renames misspelled ones, and may move their sections too). */
  readonly renamesHeadings?: boolean;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** The lines as compared: without trailing white space and BOM, and, when headings may be renamed, without their titles or levels. */
function comparable(lines: readonly string[], renamesHeadings: boolean): string[] {
  const setextTitle = (i: number) => {
    const line = lines[i];
    const next = lines[i + 1];
    return line !== undefined && line.trim() !== '' && next !== undefined && SETEXT_UNDERLINE.test(next) && !/^\s*(?:[-*+](?:\s|$)|[>|]|\d+[.)](?:\s|$))/.test(line);
  };
  return lines.map((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trimEnd();
    if (!renamesHeadings) return line;
    if (ATX_HEADING.test(line) || setextTitle(i)) return '\u27E8heading\u27E9';
    return i > 0 && setextTitle(i - 1) ? '\u27E8setext underline\u27E9' : line;
  });
}

/** The Markdown markup a line starts with: everything before its first letter or digit. */
function leadingMarkup(line: string): string {
  const first = line.search(/[\p{L}\p{N}]/u);
  return (first === -1 ? line : line.slice(0, first)).trim();
}

interface Hunk {
  /** Indexes of the deleted lines in the first text. */
  readonly deleted: number[];
  readonly inserted: string[];
}

function diffHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  // Common prefix and suffix first: most lines of a document are untouched, and the table shrinks to the middle.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const x = a.slice(prefix, a.length - suffix);
  const y = b.slice(prefix, b.length - suffix);
  // lcs[i * (m + 1) + j]: length of the LCS of x[i..] and y[j..].
  const n = x.length;
  const m = y.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  const hunk = () => (current ??= (hunks.push({ deleted: [], inserted: [] }), hunks[hunks.length - 1]));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      current = null;
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j])) {
      hunk().inserted.push(y[j++]);
    } else {
      hunk().deleted.push(prefix + i++);
    }
  }
  return hunks;
}
