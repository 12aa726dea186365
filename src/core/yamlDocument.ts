import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { diagnostic, type RuleId } from './rules/catalog';
import type { Diagnostic, Fix, Range } from './types';

export interface YamlValidation<T> {
  /** The validated value, or undefined when the YAML or the schema rejected it. */
  readonly data: T | undefined;
  /** The raw YAML value even when the schema rejected it (null for a syntax error). */
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

/**
 * Parses YAML `text` (found at `offset` of the document) and checks it against a zod schema,
 * reporting every problem on the exact node it concerns.
 */
export function parseYamlWithSchema<S extends z.ZodType>(
  text: string,
  offset: number,
  schema: S,
  rules: YamlRules,
  fixValue?: ValueFixer,
): YamlValidation<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (start: number, end: number): Range => ({ start: offset + start, end: offset + Math.max(end, start) });
  const diagnostics: Diagnostic[] = [];

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const { line, col } = lineCounter.linePos(start);
      const message = error.message.split('\n')[0];
      diagnostics.push(diagnostic(rules.syntax, at(start, Math.max(end, start + 1)), `YAML syntax error (line ${line}, column ${col}): ${message}`));
    }
    return { data: undefined, raw: null, diagnostics, document };
  }

  const raw = document.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, raw, diagnostics, document };

  const whole = at(0, text.trimEnd().length);
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys' && rules.unknownKey) {
      for (const key of issue.keys) {
        const pair = findPair(document, [...path], key);
        const range = pair && isScalar(pair.key) && pair.key.range ? at(pair.key.range[0], pair.key.range[1]) : whole;
        diagnostics.push(diagnostic(rules.unknownKey, range, `Unknown key "${key}"`, removeLineFix(text, offset, range, key)));
      }
      continue;
    }
    const node = document.getIn(path, true) as Node | undefined;
    const range = node?.range ? at(node.range[0], node.range[1]) : nearestRange(document, path, at) ?? whole;
    const where = path.length > 0 ? `"${path.join('.')}": ` : '';
    const value = document.getIn(path);
    diagnostics.push(diagnostic(rules.invalid, range, `${where}${describeIssue(issue)}`, fixValue?.(path, value, range)));
  }
  return { data: undefined, raw, diagnostics, document };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function findPair(document: Document, path: PropertyKey[], key: string) {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
}

function nearestRange(document: Document, path: readonly PropertyKey[], at: (s: number, e: number) => Range): Range | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const parentPath = path.slice(0, length);
    const parent = (length === 0 ? document.contents : document.getIn(parentPath, true)) as Node | null;
    if (!parent) continue;
    const key = path[length];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0], pair.key.range[1]);
    }
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
  if (!/^[\w.-]+\s*:\s*[^\s|>].*\r?\n?$/.test(line)) return [];
  return [{ title: `Remove "${key}"`, edits: [{ start: offset + start, end: offset + end, newText: '' }] }];
}
