import { isMap, isPair, isScalar, Lexer, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { diagnostic, type Diagnostic, type Fix, type RuleId } from '../diagnostics';
import { snapRange } from '../text/ranges';
import type { Range } from '../types';

export interface YamlValidation<T> {
  /** The validated value, or undefined when the YAML or the schema rejected any part of it. */
  readonly data: T | undefined;
  /**
   * For an object schema, the top-level entries that are valid on their own, so that one bad value does not
   * discard the others; empty for a syntax error.
   */
  readonly entries: Partial<T>;
  /** The raw YAML value even when the schema rejected it (null for a syntax error). Free of cycles. */
  readonly raw: unknown;
  readonly diagnostics: Diagnostic[];
  readonly document: Document;
}

export interface YamlRules {
  readonly syntax: RuleId;
  readonly invalid: RuleId;
  readonly unknownKey?: RuleId;
}

/** A fix for a value the schema rejected, found from the rejected value (e.g. TLP:WHITE → TLP:CLEAR). */
export type ValueFixer = (path: readonly PropertyKey[], value: unknown, range: Range) => Fix[];

/** Problems of one kind listed one by one before the rest are summed up in one diagnostic. */
const MAX_LISTED = 100;
/** Aliases a document may expand (yaml's default): more is how a "billion laughs" document grows. */
const MAX_ALIASES = 100;
/** Deeper values are refused before validation, which recurses. */
const MAX_DEPTH = 64;

// zod/mini words its issues only in the locale it is given; the diagnostics quote its English messages.
z.config(en());

/**
 * Parses YAML `text` (found at `offset` of the document) and checks it against a zod schema, reporting every
 * problem on the exact node it concerns. Never throws: whatever the YAML (undefined aliases, alias cycles,
 * thousands of keys, deep nesting), problems are diagnostics.
 */
export function parseYamlWithSchema<S extends z.ZodMiniType>(
  text: string,
  offset: number,
  schema: S,
  rules: YamlRules,
  fixValue?: ValueFixer,
): YamlValidation<z.output<S>> {
  const at = (start: number, end: number): Range => {
    const snapped = snapRange(text, { start, end: Math.max(end, start) });
    return { start: offset + snapped.start, end: offset + snapped.end };
  };
  let document: Document;
  if (flowNestingBeyond(text, MAX_DEPTH)) {
    return failed(parseDocument(''), [diagnostic(rules.syntax, at(0, text.length), `The YAML cannot be read: its [ ] and { } collections are nested more than ${MAX_DEPTH} levels deep`)]);
  }
  const lineCounter = new LineCounter();
  try {
    // Duplicate keys are found below in one pass: yaml's own check compares every key with every other.
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return failed(parseDocument(''), [diagnostic(rules.syntax, at(0, text.length), `The YAML cannot be read: ${messageOf(error)}`)]);
  }
  const syntaxErrors = [
    ...document.errors.map((error) => {
      const [start, end] = error.pos;
      const { line, col } = lineCounter.linePos(start);
      return diagnostic(rules.syntax, at(start, Math.max(end, start + 1)), `YAML syntax error (line ${line}, column ${col}): ${error.message.split('\n')[0]}`);
    }),
    ...duplicateKeys(document).map((key) => diagnostic(rules.syntax, at(key.range[0], key.range[1]), `YAML syntax error: the key "${key.text}" appears twice in one map`)),
  ];
  if (syntaxErrors.length > 0) return failed(document, limit(syntaxErrors, rules.syntax, 'YAML syntax errors'));

  const { raw, problems } = readValues(document);
  const diagnostics = problems.map(({ node, message }) => diagnostic(rules.syntax, node?.range ? at(node.range[0], node.range[1]) : at(0, text.length), message));
  if (diagnostics.length > 0) return { data: undefined, entries: validEntries(schema, raw), raw, diagnostics, document };

  const result = schema.safeParse(raw ?? {});
  if (result.success) return { data: result.data, entries: result.data as Partial<z.output<S>>, raw, diagnostics, document };

  const whole = at(0, text.trimEnd().length);
  const pairs = new PairIndex(document);
  const unknownKeys: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys' && rules.unknownKey) {
      for (const key of issue.keys) {
        const pair = pairs.find(path, key);
        const keyRange = pair && isScalar(pair.key) && pair.key.range ? at(pair.key.range[0], pair.key.range[1]) : null;
        // Only a key that stands somewhere can have its line removed: without a range, the line would be another's.
        unknownKeys.push(diagnostic(rules.unknownKey, keyRange ?? whole, `Unknown key "${key}"`, keyRange && key !== '' ? removeLineFix(text, offset, keyRange, key) : []));
      }
      continue;
    }
    const node = document.getIn(path, true) as Node | undefined;
    const range = node?.range ? at(node.range[0], node.range[1]) : (nearestRange(document, pairs, path, at) ?? whole);
    const where = path.length > 0 ? `"${path.join('.')}": ` : '';
    diagnostics.push(diagnostic(rules.invalid, range, `${where}${describeIssue(issue)}`, fixValue?.(path, document.getIn(path), range)));
  }
  if (rules.unknownKey) diagnostics.push(...limit(unknownKeys, rules.unknownKey, 'unknown keys'));
  return { data: undefined, entries: validEntries(schema, raw), raw, diagnostics, document };
}

function failed<T>(document: Document, diagnostics: Diagnostic[]): YamlValidation<T> {
  return { data: undefined, entries: {} as Partial<T>, raw: null, diagnostics, document };
}

/** The first problems one by one, then one diagnostic, where the last one was, for the rest. */
function limit(found: Diagnostic[], rule: RuleId, what: string): Diagnostic[] {
  if (found.length <= MAX_LISTED) return found;
  const rest = found.length - MAX_LISTED;
  return [...found.slice(0, MAX_LISTED), diagnostic(rule, found[MAX_LISTED].range, `… and ${rest} more ${what}`)];
}

interface ValueProblem {
  readonly node: Node | null;
  readonly message: string;
}

/**
 * The document as plain data, converted entry by entry when it is a map so that an entry that cannot be
 * (an undefined alias, too many aliases, a cycle, too deep) is a problem on that entry and the rest still counts.
 */
function readValues(document: Document): { raw: unknown; problems: ValueProblem[] } {
  const contents = document.contents;
  if (!isMap(contents)) {
    const converted = convert(() => document.toJS({ maxAliasCount: MAX_ALIASES }), contents as Node | null);
    return { raw: 'value' in converted ? converted.value : null, problems: 'problem' in converted ? [converted.problem] : [] };
  }
  const raw: Record<string, unknown> = {};
  const problems: ValueProblem[] = [];
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null) {
      problems.push({ node: pair.key as Node | null, message: 'YAML: only plain keys are supported here' });
      continue;
    }
    const value = pair.value as Node | null;
    const converted = convert(() => (value ? value.toJS(document, { maxAliasCount: MAX_ALIASES }) : null), value ?? (pair.key as Node));
    if ('value' in converted) raw[key] = converted.value;
    else problems.push(converted.problem);
  }
  return { raw, problems };
}

function convert(read: () => unknown, node: Node | null): { value: unknown } | { problem: ValueProblem } {
  try {
    const value = read();
    const shape = shapeProblem(value);
    return shape ? { problem: { node, message: `YAML: ${shape}` } } : { value };
  } catch (error) {
    return { problem: { node, message: `YAML: ${messageOf(error)}` } };
  }
}

/**
 * Whether the text opens more than `limit` flow collections (`[`, `{`) inside one another. yaml's parser recurses
 * once per open flow collection: tens of thousands of `[` cost it a stack overflow it recovers from slowly, on every
 * analysis. Its lexer does not recurse, and knows brackets in quotes and comments from the ones that open collections.
 */
function flowNestingBeyond(text: string, limit: number): boolean {
  // Only a text with more opening brackets than the limit can nest deeper: most have a few, and need no lexing.
  let brackets = 0;
  for (let at = 0; at < text.length && brackets <= limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x5b || code === 0x7b) brackets++;
  }
  if (brackets <= limit) return false;
  let open = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++open > limit) return true;
    } else if ((token === ']' || token === '}') && open > 0) open--;
  }
  return false;
}

/** Why a converted value cannot be used: an alias cycle, or nesting deeper than MAX_DEPTH; null when it can. */
function shapeProblem(value: unknown): string | null {
  const ancestors = new Set<object>();
  const visitValue = (current: unknown, depth: number): string | null => {
    if (current === null || typeof current !== 'object') return null;
    if (ancestors.has(current)) return 'an alias refers to a value that contains it (a cycle)';
    if (depth > MAX_DEPTH) return `values are nested more than ${MAX_DEPTH} levels deep`;
    ancestors.add(current);
    for (const child of Object.values(current)) {
      const problem = visitValue(child, depth + 1);
      if (problem) return problem;
    }
    ancestors.delete(current);
    return null;
  };
  return visitValue(value, 0);
}

/** Keys that appear twice in one map, with where the second one stands. */
function duplicateKeys(document: Document): { text: string; range: [number, number] }[] {
  const found: { text: string; range: [number, number] }[] = [];
  try {
    visit(document, {
      Map(_, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const text = String(pair.key.value);
          if (seen.has(text)) found.push({ text, range: [pair.key.range[0], pair.key.range[1]] });
          seen.add(text);
        }
      },
    });
  } catch {
    // Nesting too deep to walk: the conversion reports it.
  }
  return found;
}

/** Each top-level entry checked against its own schema: the valid ones, for an object schema. */
function validEntries<S extends z.ZodMiniType>(schema: S, raw: unknown): Partial<z.output<S>> {
  if (!(schema instanceof z.ZodMiniObject) || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const shape = schema.shape as Record<string, z.ZodMiniType>;
  const entries: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = Object.hasOwn(shape, key) ? shape[key].safeParse(value) : undefined;
    if (parsed?.success) entries[key] = parsed.data;
  }
  return entries as Partial<z.output<S>>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

/** The pairs of each map by key, indexed once: looking each key up by scanning the map was quadratic. */
class PairIndex {
  private readonly byPath = new Map<string, Map<unknown, Pair>>();

  constructor(private readonly document: Document) {}

  find(path: readonly PropertyKey[], key: PropertyKey): Pair | undefined {
    const id = JSON.stringify(path.map(String));
    let pairs = this.byPath.get(id);
    if (!pairs) {
      pairs = new Map();
      const parent = path.length === 0 ? this.document.contents : this.document.getIn(path, true);
      if (isMap(parent)) for (const item of parent.items) if (isPair(item) && isScalar(item.key) && !pairs.has(item.key.value)) pairs.set(item.key.value, item);
      this.byPath.set(id, pairs);
    }
    return pairs.get(key);
  }
}

function nearestRange(document: Document, pairs: PairIndex, path: readonly PropertyKey[], at: (s: number, e: number) => Range): Range | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const parentPath = path.slice(0, length);
    const parent = (length === 0 ? document.contents : document.getIn(parentPath, true)) as Node | null;
    if (!parent) continue;
    const pair = pairs.find(parentPath, path[length]);
    if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0], pair.key.range[1]);
    if (parent.range) return at(parent.range[0], parent.range[0] + 1);
  }
  return undefined;
}

/** Removes the whole line of an unknown key when it holds a plain `key: value`. */
function removeLineFix(text: string, offset: number, range: Range, key: string): Fix[] {
  const start = text.lastIndexOf('\n', range.start - offset - 1) + 1;
  const nextBreak = text.indexOf('\n', range.start - offset);
  const end = nextBreak === -1 ? text.length : nextBreak + 1;
  const line = text.slice(start, end);
  if (!/^[\w.-]+[ \t]*:[ \t]*[^\s|>]/.test(line)) return [];
  return [{ title: `Remove "${key}"`, edits: [{ start: offset + start, end: offset + end, newText: '' }] }];
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
