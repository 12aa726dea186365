// Credentials and keys written into a report, to redact before it is shared.
//
// Why a pattern table and not a library: the maintained detector for JavaScript is secretlint
// (@secretlint/core 13 with @secretlint/secretlint-rule-preset-recommend). It runs in a browser, but
// - its API is asynchronous (`lintSource` returns a Promise), while the analysis behind diagnostics, quick fixes and
//   the CLI is one synchronous pass over the text;
// - its rule preset imports `node:path` at the top, so the web worker bundle would need a shim;
// - it adds 76 KB minified (22 KB gzipped) to every bundle, for rules (npm, 1Password, OpenAI, Shopify …) beyond
//   what incident reports leak, and it ignores AWS's documented example keys, which reports quote.
// (Measured with esbuild --bundle --minify --platform=browser on @secretlint/core 13.0.7 and the preset 12.0.0.)
// So the kinds below are a documented table of the published formats of each provider's credentials. A pattern
// only matches a credential's own prefix or structure, never a bare run of hex, so a SHA-256 or an MD5 listed as an
// indicator is never taken for a secret.
import type { Range, TextEdit } from '../types';

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'gcp-api-key'
  | 'google-oauth-secret'
  | 'google-oauth-token'
  | 'azure-storage-key'
  | 'azure-client-secret'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'npm-token'
  | 'private-key'
  | 'jwt'
  | 'url-password'
  | 'password-assignment';

export interface Secret {
  readonly kind: SecretKind;
  /** What to name it in a message: "AWS access key ID". */
  readonly label: string;
  /** The secret itself; for a password in a URL or an assignment, the password only. */
  readonly range: Range;
  /** A masked form safe to show in a diagnostic: the first characters, then "…". */
  readonly preview: string;
}

interface SecretPattern {
  readonly kind: SecretKind;
  readonly label: string;
  /** Global, linear-time; group 1, when present, is the secret within the match. */
  readonly pattern: RegExp;
  /**
   * Sticky, linear-time: what must follow the pattern's match, which together make the match ("password" then
   * ": hunter22", group 1 the secret). Two simple expressions rather than one a ReDoS checker cannot prove linear.
   */
  readonly then?: RegExp;
  /** Further check of the secret, e.g. that it is not a placeholder. */
  readonly accept?: (secret: string) => boolean;
  /**
   * For a secret that only counts next to a clue (global): the pattern is only run on the 200 characters after each
   * clue, the secret included, so that a report without the clue costs one search for it.
   */
  readonly near?: RegExp;
  /**
   * What every match of the pattern contains one of, as `CLUES` finds it: the pattern runs only over a text where
   * one was found.
   */
  readonly clues: readonly string[];
}

/**
 * Every pattern's clues in one expression, scanned once whatever the number of patterns (most reports hold no clue).
 * It matches in any case; a pattern's clue counts as written (`AKIA`) or, for the patterns that match in any case,
 * in lower case (`secret`). A unit test holds each pattern's clues to what it finds.
 */
const CLUES = /akia|asia|aiza|gocspx-|ya29\.|accountkey=|q~|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|https:\/\/hooks\.slack\.com\/services\/|[rs]k_live_|npm_|eyj|secret|passw|pwd|api|token/gi;

/** The clues a text holds, as written and in lower case. */
export function secretCluesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const clue of text.match(CLUES) ?? []) found.add(clue).add(clue.toLowerCase());
  return found;
}

/** How far after its clue a `near` secret may start. */
const NEAR = 200;

/** Values that stand for a password without being one. */
const PLACEHOLDER = /^(?:\*+|x+|\.+|<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|\$\{[^{}]*\}|%[^%]*%|password|passwd|pass|secret|changeme|redacted)$/i;

/** Published formats; each entry cites what it follows. */
export const PATTERNS: readonly SecretPattern[] = [
  // AWS access key IDs: "AKIA" (long-term) or "ASIA" (temporary) and 16 upper-case letters or digits.
  { kind: 'aws-access-key-id', label: 'AWS access key ID', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, clues: ['AKIA', 'ASIA'] },
  // AWS secret access keys: 40 base64 characters. Alone they look like any token, so only next to an access key
  // ID or a "secret" label, and never an all-hex run (a SHA-1 is 40 hex digits).
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    accept: (secret) => !/^[0-9a-f]+$/i.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /\d/.test(secret),
    near: /(?:AKIA|ASIA)[A-Z0-9]{16}|secret/gi,
    clues: ['akia', 'asia', 'secret'],
  },
  // Google API keys: "AIza" and 35 characters.
  { kind: 'gcp-api-key', label: 'Google Cloud API key', pattern: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g, clues: ['AIza'] },
  // Google OAuth client secrets ("GOCSPX-") and access tokens ("ya29.").
  { kind: 'google-oauth-secret', label: 'Google OAuth client secret', pattern: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/g, clues: ['GOCSPX-'] },
  { kind: 'google-oauth-token', label: 'Google OAuth access token', pattern: /(?<![\w.-])ya29\.[\w-]{20,}/g, clues: ['ya29.'] },
  // Azure storage account keys in connection strings: "AccountKey=" and 88 base64 characters ending "==".
  { kind: 'azure-storage-key', label: 'Azure storage account key', pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g, clues: ['AccountKey='] },
  // Azure AD (Entra ID) client secrets: three characters, a digit, "Q~", then 31 to 34 characters.
  { kind: 'azure-client-secret', label: 'Azure client secret', pattern: /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g, clues: ['Q~'] },
  // GitHub: classic tokens (ghp_, gho_, ghu_, ghs_, ghr_ and 36 characters) and fine-grained ones (github_pat_).
  {
    kind: 'github-token',
    label: 'GitHub token',
    pattern: /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?!\w)/g,
    clues: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  // GitLab personal access tokens: "glpat-" and at least 20 characters.
  { kind: 'gitlab-token', label: 'GitLab access token', pattern: /(?<![\w-])glpat-[\w-]{20,}/g, clues: ['glpat-'] },
  // Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-) and incoming webhooks.
  { kind: 'slack-token', label: 'Slack token', pattern: /(?<![\w-])xox[abprs]-[A-Za-z0-9-]{10,}/g, clues: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxr-', 'xoxs-'] },
  { kind: 'slack-webhook', label: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/g, clues: ['https://hooks.slack.com/services/'] },
  // Stripe live secret and restricted keys.
  { kind: 'stripe-key', label: 'Stripe live key', pattern: /(?<!\w)[rs]k_live_[A-Za-z0-9]{24,}/g, clues: ['rk_live_', 'sk_live_'] },
  // npm access tokens: "npm_" and 36 characters.
  { kind: 'npm-token', label: 'npm access token', pattern: /(?<!\w)npm_[A-Za-z0-9]{36}(?!\w)/g, clues: ['npm_'] },
  // JSON Web Tokens: three base64url parts, the header and the payload JSON objects, so both start "eyJ".
  { kind: 'jwt', label: 'JSON Web Token', pattern: /(?<![\w-])eyJ/g, then: /[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/y, clues: ['eyJ'] },
  // "password = …", "api_key: …", "token=…": the value, when it is not a placeholder and looks like a credential
  // (eight characters or more, letters and digits), so that "Password: rotated." is not one.
  {
    kind: 'password-assignment',
    label: 'password',
    pattern: /\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token)/gi,
    then: /[*_"']{0,2}[ \t]{0,3}[:=][*_]{0,2}[ \t]{0,3}["'`]?([^\s"'`,;]{8,})/y,
    accept: (secret) => !PLACEHOLDER.test(secret) && /[a-z]/i.test(secret) && /\d/.test(secret),
    clues: ['passw', 'pwd', 'secret', 'api', 'token'],
  },
];

const PRIVATE_KEY_BEGIN = /^-----BEGIN ([A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?)-----/;

/** Every secret in `text`, in text order, none inside another. */
export function findSecrets(text: string): Secret[] {
  const found: Secret[] = [...findPrivateKeys(text), ...findUrlPasswords(text)];
  const clues = secretCluesIn(text);
  for (const { kind, label, pattern, then, accept, near, clues: needed } of PATTERNS) {
    if (!needed.some((clue) => clues.has(clue))) continue;
    for (const [from, to] of near ? windowsAfter(text, near) : [[0, text.length]]) {
      // The search stops a little after the window (a secret starting in it may end there), not at the text's end.
      const scope = to >= text.length ? text : text.slice(0, to + 128);
      pattern.lastIndex = from;
      for (let hit = pattern.exec(scope); hit && hit.index < to; hit = pattern.exec(scope)) {
        const match = then ? followedBy(scope, hit, then) : hit;
        if (!match) continue;
        const secret = match[1] ?? match[0];
        const start = match.index + (match[1] === undefined ? 0 : match[0].lastIndexOf(secret));
        if (accept && !accept(secret)) continue;
        found.push({ kind, label, range: { start, end: start + secret.length }, preview: mask(secret) });
      }
    }
  }
  found.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  let reached = 0;
  return found.filter((secret) => {
    if (secret.range.start < reached) return false;
    reached = secret.range.end;
    return true;
  });
}

/** The pattern's match and what `then` reads right after it, as one match (group 1 from `then`); null when `then` fails. */
function followedBy(text: string, hit: RegExpExecArray, then: RegExp): RegExpExecArray | null {
  then.lastIndex = hit.index + hit[0].length;
  const rest = then.exec(text);
  if (!rest) return null;
  return Object.assign([hit[0] + rest[0], ...rest.slice(1)], { index: hit.index, input: text }) as RegExpExecArray;
}

/** The stretches of `NEAR` characters after each clue, merged where they overlap, as [from, to) offsets where a secret may start. */
function windowsAfter(text: string, clue: RegExp): [number, number][] {
  const windows: [number, number][] = [];
  for (const match of text.matchAll(clue)) {
    const last = windows.at(-1);
    const from = match.index + match[0].length;
    if (last && from <= last[1]) last[1] = from + NEAR;
    else windows.push([from, from + NEAR]);
  }
  return windows;
}

/** "-----BEGIN … PRIVATE KEY-----" blocks, through their END line (or, without one, the base64 lines after BEGIN). */
function findPrivateKeys(text: string): Secret[] {
  const keys: Secret[] = [];
  for (let start = text.indexOf('-----BEGIN '); start !== -1; start = text.indexOf('-----BEGIN ', start + 1)) {
    const lineEnd = endOfLine(text, start);
    const begin = PRIVATE_KEY_BEGIN.exec(text.slice(start, lineEnd));
    if (!begin) continue;
    const endMarker = `-----END ${begin[1]}-----`;
    const nextBegin = text.indexOf('-----BEGIN ', lineEnd);
    const foundEnd = text.indexOf(endMarker, lineEnd);
    const endAt = nextBegin !== -1 && foundEnd > nextBegin ? -1 : foundEnd;
    let end = endAt === -1 ? lineEnd : endAt + endMarker.length;
    // Without an END line the key was cut short: take the base64 lines that follow BEGIN.
    for (let next = nextLine(text, lineEnd); endAt === -1 && next < text.length; next = nextLine(text, end)) {
      const nextEnd = endOfLine(text, next);
      if (nextEnd === next || !/^[A-Za-z0-9+/=]+$/.test(text.slice(next, nextEnd))) break;
      end = nextEnd;
    }
    keys.push({ kind: 'private-key', label: 'private key', range: { start, end }, preview: `-----BEGIN ${begin[1]}-----…` });
    start = end - 1;
  }
  return keys;
}

/** A URL's authority: up to a blank, a path, a query or a fragment. */
const AUTHORITY = /[^\s/?#]*/y;

/** Passwords in URLs, scheme://user:password@host: the password only, so that the fix keeps the user and host. */
function findUrlPasswords(text: string): Secret[] {
  const passwords: Secret[] = [];
  for (let separator = text.indexOf('://'); separator !== -1; separator = text.indexOf('://', separator + 3)) {
    const authorityStart = separator + 3;
    AUTHORITY.lastIndex = authorityStart;
    AUTHORITY.test(text);
    const authorityEnd = AUTHORITY.lastIndex;
    const authority = text.slice(authorityStart, authorityEnd);
    const at = authority.lastIndexOf('@');
    const colon = authority.indexOf(':');
    if (at === -1 || colon === -1 || colon > at || colon === 0) continue;
    const password = authority.slice(colon + 1, at);
    if (!password || PLACEHOLDER.test(password)) continue;
    const start = authorityStart + colon + 1;
    passwords.push({ kind: 'url-password', label: 'password in a URL', range: { start, end: start + password.length }, preview: mask(password) });
  }
  return passwords;
}

/** The start of the line after the line end at `lineEnd` (which is at a "\r", a "\n" or the end of the text). */
function nextLine(text: string, lineEnd: number): number {
  return text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : text[end - 1] === '\r' ? end - 1 : end;
}

function mask(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}… (${secret.length} characters)`;
}

export const REDACTED = '[REDACTED]';

/** The edit that replaces a secret (a whole private-key block) with "[REDACTED]". */
export function redaction(secret: Secret): TextEdit {
  return { ...secret.range, newText: REDACTED };
}
