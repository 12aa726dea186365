import type { Document } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import * as z from 'zod/mini';
import { frontMatterSchema, TLP_LEVELS, TLP_RENAMED, type FrontMatterData } from './frontMatterSchema';
import type { Range } from '../types';
import type { Diagnostic, Fix } from '../diagnostics';
import { parseYamlWithSchema } from './yamlDocument';
import { RecentCache } from '../text/recentCache';

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line. */
  readonly range: Range;
  /** The YAML between the fences. */
  readonly contentRange: Range;
  /** 0-based line of the closing fence. */
  readonly endLine: number;
  /** The values that are valid, each on its own: one invalid value does not discard the others. */
  readonly data: Partial<FrontMatterData>;
  /** Whatever YAML could read, valid or not, so one bad value does not hide the others. */
  readonly raw: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
  readonly document: Document;
}

/** Finds `---` fenced YAML on the first line (after an optional BOM) and validates it. */
export function parseFrontMatter(lines: LineIndex): FrontMatter | null {
  if (lines.lineText(0).replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
  for (let line = 1; line < lines.lineCount; line++) {
    const fence = lines.lineText(line).trimEnd();
    if (fence !== '---' && fence !== '...') continue;
    // Everything in the front matter is read from its own text, which stands at the start of the document (and
    // from a flat copy of it, so that what is cached keeps no document alive).
    return parsedFrontMatters.get(lines.text.slice(0, lines.lineEnd(line)), (flat) => readFrontMatter(new LineIndex(flat), line));
  }
  return null;
}

/**
 * Front matters read lately, by their text: an edit below the front matter does not read its YAML again. Nothing
 * changes a FrontMatter once read.
 */
const parsedFrontMatters = new RecentCache<FrontMatter>(64);

function readFrontMatter(lines: LineIndex, line: number): FrontMatter {
  const contentRange = { start: lines.lineStart(1), end: lines.lineStart(line) };
  // YAML breaks lines at LF and CRLF but not at a lone CR, which ends a line here: it becomes an LF (same length,
  // so every offset still points at the same character).
  const yamlText = lines.text.slice(contentRange.start, contentRange.end).replace(/\r(?!\n)/g, '\n');
  const parsed = parseYamlWithSchema(
    yamlText,
    contentRange.start,
    frontMatterSchema,
    { syntax: 'frontmatter.syntax', invalid: 'frontmatter.invalid-value', unknownKey: 'frontmatter.unknown-key' },
    fixFrontMatterValue,
  );
  const raw = parsed.raw !== null && typeof parsed.raw === 'object' && !Array.isArray(parsed.raw) ? (parsed.raw as Record<string, unknown>) : {};
  return {
    range: { start: 0, end: lines.lineEnd(line) },
    contentRange,
    endLine: line,
    data: parsed.entries,
    raw,
    diagnostics: parsed.diagnostics,
    document: parsed.document,
  };
}

function fixFrontMatterValue(path: readonly PropertyKey[], value: unknown, range: Range): Fix[] {
  if (path.length !== 1 || typeof value !== 'string') return [];
  const replace = (newText: string, isPreferred: boolean): Fix => ({
    title: `Change to "${newText}"`,
    edits: [{ ...range, newText }],
    isPreferred,
  });
  if (path[0] === 'tlp') {
    const renamed = TLP_RENAMED[value.toUpperCase()];
    if (renamed) return [replace(renamed, true)];
    const normalized = `TLP:${value.toUpperCase().replace(/^TLP:?\s*/, '')}`;
    return (TLP_LEVELS as readonly string[]).includes(normalized) ? [replace(normalized, true)] : [];
  }
  const options = enumOptions(String(path[0]));
  if (!options) return [];
  const same = options.find((option) => option.toLowerCase() === value.toLowerCase());
  return same ? [replace(same, true)] : options.map((option) => replace(option, false));
}

function enumOptions(key: string): readonly string[] | undefined {
  const field: unknown = (frontMatterSchema.shape as Record<string, unknown>)[key];
  const value = field instanceof z.ZodMiniOptional ? field.def.innerType : undefined;
  return value instanceof z.ZodMiniEnum ? (value.options as readonly string[]) : undefined;
}
