// MITRE ATT&CK Enterprise, offline: the catalog built from the project's compact data (data/attack/), and the
// technique, sub-technique and tactic IDs written in a report.
//
// The core never imports the data file (it would land in every bundle): the extension reads it once from its own
// files, the CLI and the tests from disk, and they pass the parsed object to `parseAttackData` and `new AttackCatalog`.
import type { Range } from '../types';
import { normalizeTitle } from '../text/words';

export interface AttackTactic {
  readonly id: string;
  readonly name: string;
  /** The x_mitre_shortname, e.g. "command-and-control": what techniques and Navigator layers refer to. */
  readonly shortname: string;
  readonly url: string;
  readonly summary: string;
}

export interface AttackTechnique {
  /** "T1566" or, for a sub-technique, "T1566.001". */
  readonly id: string;
  readonly name: string;
  /** Tactic shortnames, in the data's order. */
  readonly tactics: readonly string[];
  /** One sentence; revoked techniques have none. */
  readonly summary?: string;
  readonly url: string;
  readonly stixId: string;
  readonly deprecated?: boolean;
  readonly revoked?: boolean;
  /** For a revoked technique: the ID of the technique that replaces it. */
  readonly revokedBy?: string;
}

/** The shape of data/attack/enterprise-attack.json, written by `npm run attack-data`. */
export interface AttackData {
  readonly domain: 'enterprise-attack';
  /** ATT&CK release, e.g. "18.1". */
  readonly version: string;
  readonly source: string;
  readonly copyright: string;
  /** In kill-chain order, Reconnaissance first and Impact last. */
  readonly tactics: readonly AttackTactic[];
  readonly techniques: readonly AttackTechnique[];
}

const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;
const TACTIC_ID = /^TA\d{4}$/;

/**
 * Checks that `value` has the shape of `AttackData` (a light hand check rather than a zod schema, so that the
 * extension does not pay for schema building on start-up) and returns it typed. Throws an Error naming the first
 * bad path.
 */
export function parseAttackData(value: unknown): AttackData {
  const data = objectAt(value, '$');
  if (data.domain !== 'enterprise-attack') throw new Error('$.domain: expected "enterprise-attack"');
  for (const key of ['version', 'source', 'copyright'] as const) stringAt(data[key], `$.${key}`);
  const tactics = arrayAt(data.tactics, '$.tactics');
  tactics.forEach((item, i) => {
    const tactic = objectAt(item, `$.tactics[${i}]`);
    for (const key of ['id', 'name', 'shortname', 'url', 'summary'] as const) stringAt(tactic[key], `$.tactics[${i}].${key}`);
    if (!TACTIC_ID.test(tactic.id as string)) throw new Error(`$.tactics[${i}].id: not a tactic ID`);
  });
  arrayAt(data.techniques, '$.techniques').forEach((item, i) => {
    const path = `$.techniques[${i}]`;
    const technique = objectAt(item, path);
    for (const key of ['id', 'name', 'url', 'stixId'] as const) stringAt(technique[key], `${path}.${key}`);
    if (!TECHNIQUE_ID.test(technique.id as string)) throw new Error(`${path}.id: not a technique ID`);
    arrayAt(technique.tactics, `${path}.tactics`).forEach((tactic, j) => stringAt(tactic, `${path}.tactics[${j}]`));
    if (technique.summary !== undefined) stringAt(technique.summary, `${path}.summary`);
    if (technique.revokedBy !== undefined) stringAt(technique.revokedBy, `${path}.revokedBy`);
    for (const key of ['deprecated', 'revoked'] as const) {
      if (technique[key] !== undefined && typeof technique[key] !== 'boolean') throw new Error(`${path}.${key}: expected a boolean`);
    }
  });
  return value as AttackData;
}

function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: expected an object`);
  return value as Record<string, unknown>;
}

function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${path}: expected an array`);
  return value;
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Error(`${path}: expected a string`);
  return value;
}

/**
 * Extra names for tactics, beyond their name and shortname. A tactic label is compared after `normalizeTitle`, so
 * "Command & Control", "command-and-control" and "COMMAND AND CONTROL" are all the name already; these are the
 * abbreviations responders write.
 */
const TACTIC_ALIASES: Readonly<Record<string, string>> = {
  c2: 'command-and-control',
  'c and c': 'command-and-control',
  recon: 'reconnaissance',
  privesc: 'privilege-escalation',
  'priv esc': 'privilege-escalation',
  exfil: 'exfiltration',
};


export class AttackCatalog {
  readonly version: string;
  readonly copyright: string;
  /** In kill-chain order. */
  readonly tactics: readonly AttackTactic[];
  readonly techniques: readonly AttackTechnique[];
  private readonly techniquesById = new Map<string, AttackTechnique>();
  private readonly tacticsById = new Map<string, AttackTactic>();
  private readonly tacticsByLabel = new Map<string, AttackTactic>();
  private readonly techniquesByTactic = new Map<string, AttackTechnique[]>();

  constructor(data: AttackData) {
    this.version = data.version;
    this.copyright = data.copyright;
    this.tactics = data.tactics;
    this.techniques = data.techniques;
    for (const tactic of data.tactics) {
      this.tacticsById.set(tactic.id, tactic);
      this.tacticsByLabel.set(normalizeTitle(tactic.name), tactic);
      this.tacticsByLabel.set(normalizeTitle(tactic.shortname), tactic);
      this.techniquesByTactic.set(tactic.shortname, []);
    }
    for (const [alias, shortname] of Object.entries(TACTIC_ALIASES)) {
      const tactic = data.tactics.find((t) => t.shortname === shortname);
      if (tactic) this.tacticsByLabel.set(alias, tactic);
    }
    for (const technique of data.techniques) {
      this.techniquesById.set(technique.id, technique);
      for (const shortname of technique.tactics) this.techniquesByTactic.get(shortname)?.push(technique);
    }
  }

  /** The major version, as ATT&CK Navigator layers name it: "18" for "18.1". */
  get majorVersion(): string {
    return this.version.split('.')[0];
  }

  technique(id: string): AttackTechnique | undefined {
    return this.techniquesById.get(id);
  }

  tactic(id: string): AttackTactic | undefined {
    return this.tacticsById.get(id);
  }

  tacticByShortname(shortname: string): AttackTactic | undefined {
    return this.tactics.find((tactic) => tactic.shortname === shortname);
  }

  /** The tactic a name, shortname or common abbreviation stands for ("Command and Control", "command-and-control", "C2"). */
  tacticByName(name: string): AttackTactic | undefined {
    return this.tacticsByLabel.get(normalizeTitle(name));
  }

  /**
   * The tactics a field name or heading names: "Lateral Movement" names one, "Exfiltration/Impact" two (parts
   * separated by "/" or ","). A label names tactics only when every part is a tactic name, so "Detection & Response"
   * or "Attack Vector" name none, and nothing is checked under them.
   */
  tacticsNamedBy(label: string): AttackTactic[] {
    const tactics: AttackTactic[] = [];
    for (const part of label.split(/[/,]/)) {
      const tactic = this.tacticByName(part);
      if (!tactic) return [];
      if (!tactics.includes(tactic)) tactics.push(tactic);
    }
    return tactics;
  }

  /** Techniques and sub-techniques of a tactic (by shortname), revoked and deprecated ones included, in ID order. */
  techniquesOf(shortname: string): readonly AttackTechnique[] {
    return this.techniquesByTactic.get(shortname) ?? [];
  }

  /** Position of a tactic (by shortname) in the kill chain, from 0; -1 for an unknown one. */
  killChainIndex(shortname: string): number {
    return this.tactics.findIndex((tactic) => tactic.shortname === shortname);
  }

  /**
   * Techniques in kill-chain order: by their earliest tactic, then by ID. Unknown IDs go last, in the given order.
   * The preview lists a report's techniques this way.
   */
  inKillChainOrder(ids: readonly string[]): string[] {
    const rank = (id: string): number => {
      const indexes = (this.technique(id)?.tactics ?? []).map((shortname) => this.killChainIndex(shortname)).filter((i) => i >= 0);
      return indexes.length ? Math.min(...indexes) : this.tactics.length;
    };
    const known = (id: string): boolean => this.techniquesById.has(id);
    return [...ids]
      .map((id, order) => ({ id, order, rank: rank(id) }))
      .sort((a, b) => a.rank - b.rank || (known(a.id) && known(b.id) ? a.id.localeCompare(b.id) : 0) || a.order - b.order)
      .map(({ id }) => id);
  }
}

/** An ATT&CK ID as written in a report. */
export interface AttackIdReference {
  /** Canonical form: "T1566.001" also when written as "T1566/001" in an attack.mitre.org URL. */
  readonly id: string;
  readonly kind: 'technique' | 'tactic';
  /** The ID as written. */
  readonly range: Range;
  /** Whether it is part of an attack.mitre.org URL (then no name can follow it). */
  readonly inUrl: boolean;
}

// "T1566", "T1566.001" and "TA0001" as whole tokens. Any dotted suffix is taken so that "T1566.1" is read (and
// reported as unknown) rather than half-read as "T1566". In attack.mitre.org URLs a sub-technique is "T1566/001".
const ATTACK_ID = /(?<![\w.-])(?:TA\d{4}|T\d{4}(?:\.\d+|\/\d{3})?)(?![\w-])/g;

/**
 * Every ATT&CK ID in `text`. An ID inside a URL counts only in an attack.mitre.org URL (it is a link to that very
 * technique); in any other URL it is part of someone else's path (a ticket, a commit) and is skipped.
 */
export function findAttackIds(text: string): AttackIdReference[] {
  const found: AttackIdReference[] = [];
  for (const match of text.matchAll(ATTACK_ID)) {
    const start = match.index;
    const written = match[0];
    const url = urlBefore(text, start);
    const inUrl = url !== null;
    if (inUrl && !/^https?:\/\/attack\.mitre\.org\//i.test(url)) continue;
    if (written.includes('/') && !inUrl) {
      // "T1566/001" outside a URL is "T1566" followed by something else.
      found.push({ id: written.slice(0, 5), kind: 'technique', range: { start, end: start + 5 }, inUrl });
      continue;
    }
    const id = written.replace('/', '.');
    found.push({ id, kind: id.startsWith('TA') ? 'tactic' : 'technique', range: { start, end: start + written.length }, inUrl });
  }
  return found;
}

/** The start of the URL that the character at `offset` is part of (read back at most 2,000 characters), or null. */
function urlBefore(text: string, offset: number): string | null {
  let start = offset;
  while (start > 0 && offset - start < 2000 && !/\s/.test(text[start - 1])) start--;
  const token = text.slice(start, offset);
  let scheme = token.indexOf('://');
  if (scheme === -1) return null;
  while (scheme > 0 && /[a-z0-9+.-]/i.test(token[scheme - 1])) scheme--;
  return token.slice(scheme);
}

export const ATTACK_STATUSES = ['valid', 'unknown', 'revoked', 'deprecated'] as const;
export type AttackStatus = (typeof ATTACK_STATUSES)[number];

export interface AttackCheck {
  readonly reference: AttackIdReference;
  readonly status: AttackStatus;
  /** The technique or tactic the ID names; undefined when unknown. */
  readonly technique?: AttackTechnique;
  readonly tactic?: AttackTactic;
  /** For a revoked technique: the one that replaces it (from `revokedBy`), when the catalog has it. */
  readonly replacement?: AttackTechnique;
  /** The tactics the ID's label names (`- **Lateral Movement:** T1021`): none when the label names none. */
  readonly listedUnder: readonly AttackTactic[];
  /**
   * The technique is listed under a tactic label it does not belong to: the tactics the label names and those of
   * the technique. Only checked for valid and deprecated techniques (a revoked one is reported as such first).
   */
  readonly tacticMismatch?: { readonly labelTactics: readonly AttackTactic[]; readonly techniqueTactics: readonly AttackTactic[] };
  /** A name written next to the ID that is not ATT&CK's: its range and ATT&CK's name, for a fix. */
  readonly nameMismatch?: { readonly written: string; readonly range: Range; readonly expected: string };
}

/**
 * What is wrong, if anything, with one ATT&CK ID of `text`. `tacticLabel` is the field name or heading the ID
 * stands under (e.g. "Lateral Movement" for `- **Lateral Movement:** T1566 Phishing`), or null.
 */
export function checkAttackReference(catalog: AttackCatalog, text: string, reference: AttackIdReference, tacticLabel: string | null): AttackCheck {
  const listedUnder = tacticLabel === null ? [] : catalog.tacticsNamedBy(tacticLabel);
  if (reference.kind === 'tactic') {
    const tactic = catalog.tactic(reference.id);
    if (!tactic) return { reference, status: 'unknown', listedUnder };
    const nameMismatch = reference.inUrl ? undefined : checkWrittenName(text, reference.range, tactic.name);
    return { reference, status: 'valid', tactic, listedUnder, ...(nameMismatch && { nameMismatch }) };
  }
  const technique = catalog.technique(reference.id);
  if (!technique) return { reference, status: 'unknown', listedUnder };
  const status: AttackStatus = technique.revoked ? 'revoked' : technique.deprecated ? 'deprecated' : 'valid';
  const replacement = technique.revokedBy === undefined ? undefined : catalog.technique(technique.revokedBy);
  const nameMismatch = reference.inUrl ? undefined : checkWrittenName(text, reference.range, technique.name);
  const tacticMismatch = status === 'revoked' ? undefined : checkTactic(catalog, technique, listedUnder);
  return {
    reference,
    status,
    technique,
    listedUnder,
    ...(replacement && { replacement }),
    ...(tacticMismatch && { tacticMismatch }),
    ...(nameMismatch && { nameMismatch }),
  };
}

function checkTactic(catalog: AttackCatalog, technique: AttackTechnique, labelTactics: readonly AttackTactic[]): AttackCheck['tacticMismatch'] {
  if (labelTactics.length === 0 || labelTactics.some((tactic) => technique.tactics.includes(tactic.shortname))) return undefined;
  const techniqueTactics = technique.tactics.map((shortname) => catalog.tacticByShortname(shortname)).filter((t) => t !== undefined);
  return { labelTactics, techniqueTactics };
}

/** Small words that may stand inside an ATT&CK name ("Data from Local System", "Boot or Logon Autostart Execution"). */
const NAME_CONNECTORS = new Set(['a', 'an', 'and', 'as', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'over', 'the', 'to', 'via', 'with']);
const NAME_WORD = /^[A-Z0-9/][\w/&.'-]*$/;
// Between an ID and the name after it: a space, " - ", " – ", " — " or ": ".
const AFTER_ID = /^(?::[ \t]{1,4}|[ \t]{1,4}(?:[-–—][ \t]{1,4})?)/;

/**
 * The name written right after the ID (`T1566 Phishing`, `T1566 - Phishing`, `T1566: Phishing`, `T1566 (Phishing)`)
 * or right before it (`Phishing (T1566)`), compared with ATT&CK's: undefined when there is none or it matches. An
 * unbracketed name is the run of capitalised words (with small connecting words) next to the ID, so prose that
 * follows ("T1566 Phishing emails were sent") is not part of it; a written name that starts with ATT&CK's name
 * ("Phishing Campaign") matches.
 */
function checkWrittenName(text: string, idRange: Range, expected: string): AttackCheck['nameMismatch'] {
  const written = writtenName(text, idRange);
  if (!written) return undefined;
  const name = text.slice(written.start, written.end);
  const have = comparable(name);
  const want = comparable(expected);
  if (have === want || have.startsWith(`${want} `)) return undefined;
  return { written: name, range: written, expected };
}

function comparable(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

function writtenName(text: string, idRange: Range): Range | undefined {
  const lineEnd = indexOrEnd(text, '\n', idRange.end);
  const after = text.slice(idRange.end, Math.min(lineEnd, idRange.end + 200));
  // "T1566 (Phishing)": the whole bracket, when it holds a name ("T1566 (see above)" does not).
  const bracketed = /^[ \t]{0,4}\(([^()\n]{1,120})\)/.exec(after);
  if (bracketed && NAME_WORD.test(trimStart(bracketed[1], ' \t*_`').split(' ')[0]) && findAttackIds(bracketed[1]).length === 0) {
    const start = idRange.end + bracketed[0].indexOf('(') + 1;
    return trimmedRange(text, start, start + bracketed[1].length);
  }
  // "Phishing (T1566)": the capitalised words before the bracket.
  if (text[idRange.start - 1] === '(' && text[idRange.end] === ')') {
    const lineStart = text.lastIndexOf('\n', idRange.start - 1) + 1;
    const before = text.slice(Math.max(lineStart, idRange.start - 201), idRange.start - 1);
    return nameRun(trimEnd(before, ' \t'), 'backward', idRange.start - 1 - before.length);
  }
  const gap = AFTER_ID.exec(after);
  if (!gap || gap[0] === '') return undefined;
  return nameRun(after.slice(gap[0].length), 'forward', idRange.end + gap[0].length);
}

/** Markdown emphasis around a name, and punctuation that may follow its last word. */
const EMPHASIS = '*_`';
const NAME_END = '.,;:!?)*_`';

function trimStart(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start])) start++;
  return text.slice(start);
}

/** `text` without the trailing characters that are in `characters` (a loop: `/[…]+$/` is quadratic on long runs). */
function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index === -1 ? text.length : index;
}

function trimmedRange(text: string, start: number, end: number): Range | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * The longest run of name words at the start (forward) or end (backward) of `segment`, which starts at `offset` in
 * the text: words separated by single spaces, each capitalised or a connector, not ending on a connector. Markdown
 * emphasis around the name ("**Phishing**") is not part of it.
 */
function nameRun(segment: string, direction: 'forward' | 'backward', offset: number): Range | undefined {
  const words = [...segment.matchAll(/[^ \t]+/g)].map((match) => {
    const lead = match[0].length - trimStart(match[0], EMPHASIS).length;
    const bare = trimEnd(match[0].slice(lead), NAME_END);
    return { start: match.index + lead, end: match.index + lead + bare.length, bare, whole: match[0], index: match.index };
  });
  if (direction === 'backward') words.reverse();
  const taken: typeof words = [];
  for (const word of words) {
    const previous = taken.at(-1);
    const touching = previous
      ? (direction === 'forward' ? segment.slice(previous.index + previous.whole.length, word.index) : segment.slice(word.index + word.whole.length, previous.index)) === ' '
      : direction === 'forward'
        ? word.index === 0
        : word.index + word.whole.length === segment.length;
    const markedBefore = word.start !== word.index;
    const markedAfter = word.end !== word.index + word.whole.length;
    // Punctuation or emphasis between two words ends the name ("Initial Access: Phishing (T1566)").
    const [innerMark, outerMark] = direction === 'forward' ? [markedBefore, markedAfter] : [markedAfter, markedBefore];
    if (!touching || (taken.length > 0 && innerMark) || (!NAME_WORD.test(word.bare) && !NAME_CONNECTORS.has(word.bare))) break;
    taken.push(word);
    if (outerMark) break;
  }
  while (taken.length && NAME_CONNECTORS.has(taken.at(-1)!.bare)) taken.pop();
  if (taken.length === 0) return undefined;
  const [first, last] = direction === 'forward' ? [taken[0], taken.at(-1)!] : [taken.at(-1)!, taken[0]];
  return { start: offset + first.start, end: offset + last.end };
}

export interface SuggestOptions {
  /** The tactic (shortname) of the line being completed: its techniques come first. */
  readonly tactic?: string | null;
  readonly limit?: number;
}

/**
 * Techniques for completion: by ID prefix ("T15", "T1566.0") or by words of the name ("spear att" finds
 * "Spearphishing Attachment"), the tactic's techniques first, then ID order; revoked and deprecated ones are never
 * suggested. An empty prefix lists the tactic's techniques first, then the rest.
 */
export function suggestTechniques(catalog: AttackCatalog, prefix: string, options: SuggestOptions = {}): AttackTechnique[] {
  const limit = options.limit ?? 50;
  const query = prefix.trim();
  const byId = /^t\d{0,4}(?:\.\d{0,3})?$/i.test(query);
  const words = normalizeTitle(query).split(' ').filter(Boolean);
  const matches = (technique: AttackTechnique): boolean => {
    if (technique.revoked || technique.deprecated) return false;
    if (byId) return technique.id.startsWith(query.toUpperCase());
    const nameWords = normalizeTitle(technique.name).split(' ');
    return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
  };
  const inTactic = (technique: AttackTechnique): number => (options.tactic && technique.tactics.includes(options.tactic) ? 0 : 1);
  return catalog.techniques
    .filter(matches)
    .sort((a, b) => inTactic(a) - inTactic(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
