// Indicators of compromise in a report's text: IP addresses, domains, URLs, e-mail addresses, file hashes and CVE
// IDs, written live or defanged ("hxxps://evil[.]example", "203.0.113[.]7", "ops[@]evil[.]example").
//
// The text is refanged first (every defang token replaced by what it stands for, with a map back to the original
// offsets), then each kind is found with flat, linear-time patterns and checked in code: a domain needs a real
// top-level domain (IANA's list, from the `tlds` package: 11 KB, 5.5 KB gzipped) and is not taken from a file name,
// a version number, an abbreviation or a Markdown link's brackets.
import tlds from 'tlds';
import type { Range, TextEdit } from '../types';

export const INDICATOR_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export type NetworkIndicatorType = 'ipv4' | 'ipv6' | 'domain' | 'url' | 'email';

export interface Indicator {
  readonly type: IndicatorType;
  /** Refanged; CVE IDs in capitals. */
  readonly value: string;
  /** As written in the text. */
  readonly written: string;
  /** Written with any defang token (then not clickable nor auto-linked). */
  readonly defanged: boolean;
  readonly range: Range;
}

type MalformedKind = 'hash-length' | 'ipv4-octet' | 'cve-format';

/** Something written like an indicator that cannot be one. */
interface MalformedIndicator {
  readonly kind: MalformedKind;
  readonly written: string;
  readonly range: Range;
  readonly message: string;
}

const NETWORK_TYPES: ReadonlySet<IndicatorType> = new Set(['ipv4', 'ipv6', 'domain', 'url', 'email']);

export function isNetworkIndicator(type: IndicatorType): type is NetworkIndicatorType {
  return NETWORK_TYPES.has(type);
}

// ---------------------------------------------------------------------------------------------------------------
// Refanging with a map back to the original offsets

// "hxxp" only right before "://", "[://]" or "[:]//" (optionally with "s"), so that a word like "hxxpd" stays.
const DEFANG_TOKEN = /\[\.\]|\(\.\)|\[dot\]|\[@\]|\[at\]|\[:\/\/\]|\[:\]|\bhxxp(?=s?(?::|\[:))/gi;

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly refangedStart: number;
  readonly refangedEnd: number;
}

class RefangedText {
  readonly text: string;
  private readonly replacements: Replacement[] = [];

  constructor(original: string) {
    let text = '';
    let cursor = 0;
    for (const match of original.matchAll(DEFANG_TOKEN)) {
      text += original.slice(cursor, match.index);
      const live = refangToken(match[0]);
      this.replacements.push({ start: match.index, end: match.index + match[0].length, refangedStart: text.length, refangedEnd: text.length + live.length });
      text += live;
      cursor = match.index + match[0].length;
    }
    this.text = text + original.slice(cursor);
  }

  /** The offset in the original text of a refanged offset; a range's start or end maps to the whole defang token. */
  original(offset: number): number {
    // The last replacement that starts before `offset`, by binary search.
    let low = 0;
    let high = this.replacements.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.replacements[middle].refangedStart < offset) low = middle + 1;
      else high = middle;
    }
    const r = this.replacements[low - 1];
    if (!r) return offset;
    if (offset < r.refangedEnd) return Math.min(r.start + (offset - r.refangedStart), r.end);
    return offset + (r.end - r.refangedEnd);
  }

  originalRange(start: number, end: number): Range {
    return { start: this.original(start), end: this.original(end) };
  }
}

function refangToken(token: string): string {
  const lower = token.toLowerCase();
  if (lower === '[@]' || lower === '[at]') return '@';
  if (lower === '[://]') return '://';
  if (lower === '[:]') return ':';
  if (lower === 'hxxp') return token.replace(/x/g, 't').replace(/X/g, 'T');
  return '.';
}

// ---------------------------------------------------------------------------------------------------------------
// Checks on candidates

const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(tlds);

/**
 * Top-level domains that are also common file extensions: a live `payload.zip`, `README.md`, `run.sh` or
 * `libcrypto.so` is a file name. Written defanged (or in a URL) it is a domain.
 */
const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set(
  'ac am app bz box cab cat in java map md mm mobi mov one pid pl pm ps pub py rs run sh so tf zip'.split(' '),
);

function isDomainLabel(label: string): boolean {
  return label.length >= 1 && label.length <= 63 && /^[A-Za-z0-9-]+$/.test(label) && label[0] !== '-' && label.at(-1) !== '-';
}

/** A domain name with a known top-level domain; `domainish` allows file-name TLDs (defanged, or the host of a URL). */
function isDomain(value: string, domainish: boolean): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  const tld = labels.at(-1)!;
  if (labels.length < 2 || !labels.every(isDomainLabel) || !TOP_LEVEL_DOMAINS.has(tld.toLowerCase())) return false;
  // "done.Now" is a missing space after a full stop and "ASP.NET" a product, not domains: the TLD must be lowercase.
  if (tld !== tld.toLowerCase()) return false;
  return domainish || !FILE_EXTENSION_TLDS.has(tld.toLowerCase()) || labels[0].toLowerCase() === 'www';
}

function ipv4Octets(value: string): number[] | null {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part)) ? parts.map(Number) : null;
}

function isIpv4(value: string): boolean {
  return ipv4Octets(value)?.every((octet) => octet <= 255) ?? false;
}

/** The eight 16-bit groups of an IPv6 address, or null when `value` is not one. */
function ipv6Groups(value: string): number[] | null {
  const halves = value.split('::');
  if (halves.length > 2 || !/[0-9a-f]/i.test(value)) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const parts = half.split(':');
    const groups: number[] = [];
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        const octets = ipv4Octets(part);
        if (!octets || !octets.every((o) => o <= 255)) return null;
        groups.push((octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        groups.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

export function isIpv6(value: string): boolean {
  return ipv6Groups(value) !== null;
}

/**
 * RFC 1918 private, loopback and link-local IPv4 addresses (10/8, 172.16/12, 192.168/16, 127/8, 169.254/16), and
 * the IPv6 loopback (::1), unique local (fc00::/7) and link-local (fe80::/10) ones, IPv4-mapped ones by their IPv4
 * address. False for anything that is not an IP address.
 */
export function isPrivateAddress(value: string): boolean {
  const octets = ipv4Octets(value);
  if (octets) {
    const [a, b] = octets;
    return isIpv4(value) && (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254));
  }
  const groups = ipv6Groups(value);
  if (!groups) return false;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) return isPrivateAddress([groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.'));
  const isLoopback = groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
  return isLoopback || (groups[0] & 0xfe00) === 0xfc00 || (groups[0] & 0xffc0) === 0xfe80;
}

/** Where the host of a URL is: after the scheme and any user info, before the port, path, query or fragment. */
function urlHost(url: string): Range {
  const authorityStart = url.indexOf('://') + 3;
  let authorityEnd = authorityStart;
  while (authorityEnd < url.length && !'/?#'.includes(url[authorityEnd])) authorityEnd++;
  const start = url.lastIndexOf('@', authorityEnd - 1) >= authorityStart ? url.lastIndexOf('@', authorityEnd - 1) + 1 : authorityStart;
  if (url[start] === '[') {
    const close = url.indexOf(']', start);
    return { start, end: close === -1 || close > authorityEnd ? authorityEnd : close + 1 };
  }
  const colon = url.indexOf(':', start);
  return { start, end: colon === -1 || colon > authorityEnd ? authorityEnd : colon };
}

function isUrlHost(host: string): boolean {
  if (host.startsWith('[')) return host.endsWith(']') && isIpv6(host.slice(1, -1));
  return isIpv4(host) || isDomain(host, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning

const URL_CANDIDATE = /\b(?:https?|ftps?|sftp):\/\/[^\s<>"'`]+/gi;
const IPV4_CANDIDATE = /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\w|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]+/g;
const DOMAIN_CANDIDATE = /[A-Za-z0-9][A-Za-z0-9.-]*/g;
const HEX_RUN = /(?<![0-9A-Za-z_])[0-9A-Fa-f]{31,65}(?![0-9A-Za-z_])/g;
const CVE_CANDIDATE = /(?<![\w-])CVE-?\d+(?:-\d*)?(?!\w)/gi;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;
const HASH_TYPES: Readonly<Record<number, IndicatorType>> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
/** Characters that end a sentence or Markdown emphasis after a URL rather than belong to it. */
const URL_TRAILING = '.,;:!?*_~\'"';
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

interface Candidate {
  readonly type: IndicatorType;
  /** In the refanged text. */
  readonly start: number;
  readonly end: number;
}

export interface IndicatorScan {
  /** Non-overlapping, in text order: a URL's host or an e-mail address's domain is not listed again. */
  readonly indicators: Indicator[];
  readonly malformed: MalformedIndicator[];
}

/** Every indicator of `text`, and everything written like one that cannot be one. */
export function scanIndicators(text: string): IndicatorScan {
  const refanged = new RefangedText(text);
  const t = refanged.text;
  const candidates: Candidate[] = [];
  const malformed: (MalformedIndicator & { refangedStart: number; refangedEnd: number })[] = [];
  const addMalformed = (kind: MalformedKind, start: number, end: number, message: string) => {
    const range = refanged.originalRange(start, end);
    malformed.push({ kind, range, written: text.slice(range.start, range.end), message, refangedStart: start, refangedEnd: end });
  };

  for (const match of t.matchAll(URL_CANDIDATE)) {
    const end = match.index + trimUrl(match[0]).length;
    const url = t.slice(match.index, end);
    const host = urlHost(url);
    if (host.end > host.start && isUrlHost(url.slice(host.start, host.end))) candidates.push({ type: 'url', start: match.index, end });
  }
  for (const email of findEmails(t)) candidates.push(email);
  for (const match of t.matchAll(IPV4_CANDIDATE)) {
    const end = match.index + match[0].length;
    if (isIpv4(match[0])) candidates.push({ type: 'ipv4', start: match.index, end });
    else addMalformed('ipv4-octet', match.index, end, `${match[0]} is not an IPv4 address: an octet is over 255.`);
  }
  for (const match of t.matchAll(IPV6_CANDIDATE)) {
    const value = trimIpv6(match[0]);
    if (isIpv6(value)) candidates.push({ type: 'ipv6', start: match.index, end: match.index + value.length });
  }
  for (const match of t.matchAll(DOMAIN_CANDIDATE)) {
    const value = trimEnd(match[0], '.-');
    const before = t[match.index - 1];
    const after = t[match.index + value.length];
    // A path component, an identifier's tail or a function call ("console.log(") is not a domain.
    if (before !== undefined && '_/\\@$%'.includes(before)) continue;
    if (after === '(') continue;
    if (!value.includes('.') || /^[\d.]+$/.test(value)) continue;
    const wasDefanged = text.slice(refanged.original(match.index), refanged.original(match.index + value.length)) !== value;
    if (isDomain(value, wasDefanged)) {
      candidates.push({ type: 'domain', start: match.index, end: match.index + value.length });
    }
  }
  for (const match of t.matchAll(HEX_RUN)) {
    const type = HASH_TYPES[match[0].length];
    const end = match.index + match[0].length;
    if (type) candidates.push({ type, start: match.index, end });
    else if (/\d/.test(match[0]) && /[a-f]/i.test(match[0])) {
      addMalformed('hash-length', match.index, end, `A hash of ${match[0].length} hex digits: MD5 has 32, SHA-1 40 and SHA-256 64.`);
    }
  }
  for (const match of t.matchAll(CVE_CANDIDATE)) {
    const end = match.index + match[0].length;
    const year = /^CVE-(\d{4})-\d{4,}$/i.exec(match[0])?.[1];
    if (year && Number(year) >= 1999) candidates.push({ type: 'cve', start: match.index, end });
    else addMalformed('cve-format', match.index, end, `${match[0]} is not a CVE ID: the form is CVE-YYYY-NNNN, with a year from 1999 and at least four digits.`);
  }

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const indicators: Indicator[] = [];
  let reached = 0;
  for (const candidate of candidates) {
    if (candidate.start < reached) continue;
    reached = candidate.end;
    const range = refanged.originalRange(candidate.start, candidate.end);
    const live = t.slice(candidate.start, candidate.end);
    const written = text.slice(range.start, range.end);
    indicators.push({ type: candidate.type, value: candidate.type === 'cve' ? live.toUpperCase() : live, written, defanged: written !== live, range });
  }
  const insideIndicator = (m: (typeof malformed)[number]) => candidates.some((c) => c.start <= m.refangedStart && m.refangedEnd <= c.end && c.type !== 'cve');
  return {
    indicators,
    malformed: malformed
      .filter((m) => !insideIndicator(m))
      .sort((a, b) => a.range.start - b.range.start)
      .map(({ kind, written, range, message }) => ({ kind, written, range, message })),
  };
}

export function findIndicators(text: string): Indicator[] {
  return scanIndicators(text).indicators;
}

/** A URL without what follows it in prose: a full stop, emphasis, or a bracket it does not open ("(see http://x.example)"). */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const opener = CLOSERS[last];
    if (URL_TRAILING.includes(last)) end--;
    else if (opener && count(url.slice(0, end), opener) < count(url.slice(0, end), last)) end--;
    else return url.slice(0, end);
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** An IPv6 candidate without a sentence's full stop or colon after it ("fe80::1." or "2001:db8::1: blocked"). */
function trimIpv6(candidate: string): string {
  const value = trimEnd(candidate, '.');
  return value.endsWith(':') && !value.endsWith('::') ? value.slice(0, -1) : value;
}

/** E-mail addresses, found from each "@" outwards (a pattern with a repeated local part would be quadratic). */
function findEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    while (text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && EMAIL_DOMAIN.test(text[end])) end++;
    const domain = trimEnd(text.slice(at + 1, end), '.-');
    const local = text.slice(start, at);
    if (local && !local.endsWith('.') && isDomain(domain, true)) found.push({ type: 'email', start, end: at + 1 + domain.length });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Defanging and refanging

export const DEFANG_DOTS = ['[.]', '(.)', '[dot]'] as const;
export const DEFANG_ATS = ['[@]', '[at]'] as const;

/** How to defang: the dot and "@" replacements (every form is read back, whichever is written). */
export interface DefangStyle {
  readonly dot: (typeof DEFANG_DOTS)[number];
  readonly at: (typeof DEFANG_ATS)[number];
}

export const DEFAULT_DEFANG_STYLE: DefangStyle = { dot: '[.]', at: '[@]' };

/**
 * The defanged form of a network indicator: "http"/"https" become "hxxp"/"hxxps" (another scheme's "://" becomes
 * "[://]"), dots of hosts, domains and IPv4 addresses "[.]", an e-mail address's "@" "[@]", an IPv6 address's
 * colons "[:]". Case is kept, so refanging gives the value back exactly.
 */
export function defangValue(value: string, type: NetworkIndicatorType, style: DefangStyle = DEFAULT_DEFANG_STYLE): string {
  const dots = (part: string) => part.replaceAll('.', style.dot);
  switch (type) {
    case 'domain':
    case 'ipv4':
      return dots(value);
    case 'ipv6':
      return dots(value.replaceAll(':', '[:]'));
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, at)}${style.at}${dots(value.slice(at + 1))}`;
    }
    case 'url': {
      const host = urlHost(value);
      const schemeEnd = value.indexOf('://');
      const scheme = /^https?$/i.test(value.slice(0, schemeEnd))
        ? value.slice(0, schemeEnd).replace(/t/g, 'x').replace(/T/g, 'X') + '://'
        : `${value.slice(0, schemeEnd)}[://]`;
      return scheme + value.slice(schemeEnd + 3, host.start) + dots(value.slice(host.start, host.end)) + value.slice(host.end);
    }
  }
}

function touches(range: Range, selection: Range | undefined): boolean {
  if (!selection) return true;
  return selection.start === selection.end
    ? range.start <= selection.start && selection.start <= range.end
    : range.start < selection.end && selection.start < range.end;
}

/** Edits that defang every live network indicator in `selection` (or the whole text); hashes and CVE IDs stay. */
export function defang(text: string, selection?: Range, style: DefangStyle = DEFAULT_DEFANG_STYLE): TextEdit[] {
  return findIndicators(text)
    .filter((indicator) => !indicator.defanged && touches(indicator.range, selection))
    .flatMap(({ type, value, range }) => (isNetworkIndicator(type) ? [{ ...range, newText: defangValue(value, type, style) }] : []));
}

/** Edits that write every defanged indicator in `selection` (or the whole text) live again. */
export function refang(text: string, selection?: Range): TextEdit[] {
  return findIndicators(text)
    .filter((indicator) => indicator.defanged && touches(indicator.range, selection))
    .map(({ value, range }) => ({ ...range, newText: value }));
}
