// The properties of issue 8 ("Never lose a word"), shared by the unit suite (test/unit/properties.test.ts, a few
// hundred cases each) and `npm run fuzz` (any number). Each check throws an AssertionError whose first line names
// the failure class (no offsets or counts in it, so the fuzz script can group failures) and whose next lines give details.
import { AssertionError } from 'node:assert';
import fc from 'fast-check';
import { analyzeReport, type Analysis } from '../../src/core/analysis/analyze';
import { fixAll } from '../../src/core/commands/fixAll';
import { markAttackSectionsNotApplicable, markSectionNotApplicableAt } from '../../src/core/commands/markNotApplicable';
import { placeholderSet } from '../../src/core/analysis/rules/shared';
import type { Diagnostic } from '../../src/core/diagnostics';
import { applyEdits } from '../../src/core/edits/apply';
import { exportReport } from '../../src/core/output/export';
import { isNotApplicable } from '../../src/core/parse/notApplicable';
import { findSection, parseReport, sectionAt, sectionRef } from '../../src/core/parse/report';
import { renderReport } from '../../src/core/template/render';
import type { Range, TextEdit } from '../../src/core/types';
import type { Corpus } from './corpus';
import { analysisOptions, documentArbitrary, REGISTRIES, setupArbitrary, type Scale, type Setup } from './generators';
import { lostLines, splitLines } from './lineDiff';

/** One generated case: a document, what it is analysed with, and where Mark Section N/A is run. */
export interface Case {
  readonly text: string;
  readonly setup: Setup;
  /** Taken modulo the text's length + 1. */
  readonly offset: number;
}

export interface ReportProperty {
  readonly name: string;
  /** Cases the unit suite runs: together at least 2,000, in a few seconds. */
  readonly unitRuns: number;
  /** Throws when the property fails for the case; calls `fc.pre(false)` for a case it does not apply to. */
  readonly check: (value: Case) => void;
}

export function caseArbitrary(corpus: Corpus, scale: Scale): fc.Arbitrary<Case> {
  return fc.record({ text: documentArbitrary(corpus, scale), setup: setupArbitrary, offset: fc.nat() });
}

function fail(summary: string, ...details: string[]): never {
  throw new AssertionError({ message: [summary, ...details].join('\n') });
}

const show = (text: string, max = 300) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

// --- The commands ----------------------------------------------------------------------------------------------------

interface CommandRun {
  readonly output: string;
  /** Runs the command again on its output, where the first run ran. */
  readonly again: () => TextEdit | null;
}

interface Command {
  readonly name: string;
  readonly run: (text: string, c: Case) => CommandRun;
  /** Whether the command may rewrite an input line in place (all of them may fill empty fields and placeholders). */
  readonly mayReplace: (line: string, input: Analysis) => boolean;
  /** Whether it may rename headings (then moved headings are compared by their markup). */
  readonly renamesHeadings?: boolean;
  /** Cases of each of its properties in the unit suite: fewer for the commands that analyse a text many times. */
  readonly unitRuns: number;
}

const apply = (text: string, edit: TextEdit | null) => (edit ? applyEdits(text, [edit]) : text);

/** An offset after an edit: unchanged before it, shifted after it, at its start inside it. */
function mapOffset(offset: number, edit: TextEdit | null): number {
  if (!edit || offset <= edit.start) return offset;
  if (offset >= edit.end) return offset + edit.newText.length - (edit.end - edit.start);
  return edit.start;
}

/**
 * Where the first run ran, in its output: the start of the same section (by title and occurrence). The offset alone
 * can move to another section: when the run removes the lines from the offset to the next heading, the offset is
 * then on that heading (as an editor's cursor would be).
 */
function inSameSection(text: string, output: string, offset: number, edit: TextEdit | null): number {
  const before = parseReport(text);
  const section = sectionAt(before, offset);
  const after = section ? findSection(parseReport(output), sectionRef(before, section)) : null;
  return after ? after.heading.range.start : mapOffset(offset, edit);
}

const COMMANDS: readonly Command[] = [
  {
    name: 'Fix All',
    run: (text, c) => {
      const output = apply(text, fixAll(text, analysisOptions(c.setup)).edit);
      return { output, again: () => fixAll(output, analysisOptions(c.setup)).edit };
    },
    // A fix may rename a heading or replace an enum or TLP value: the line changes in place, or moves with its section.
    mayReplace: () => true,
    renamesHeadings: true,
    unitRuns: 120,
  },
  {
    name: 'Mark Attack-Specific Sections N/A',
    run: (text, c) => {
      const output = apply(text, markAttackSectionsNotApplicable(text, analysisOptions(c.setup), c.setup.reason));
      return { output, again: () => markAttackSectionsNotApplicable(output, analysisOptions(c.setup), c.setup.reason) };
    },
    // It sets `kind: operational`, which rewrites the front matter's `kind` line.
    mayReplace: (line, input) => frontMatterLines(input).has(line.trimEnd()),
    unitRuns: 100,
  },
  {
    name: 'Mark Section N/A',
    run: (text, c) => {
      const offset = c.offset % (text.length + 1);
      const edit = markSectionNotApplicableAt(text, offset, analysisOptions(c.setup), c.setup.reason)?.edit ?? null;
      const output = apply(text, edit);
      return { output, again: () => markSectionNotApplicableAt(output, inSameSection(text, output, offset, edit), analysisOptions(c.setup), c.setup.reason)?.edit ?? null };
    },
    mayReplace: () => false,
    unitRuns: 400,
  },
];

function frontMatterLines(analysis: Analysis): Set<string> {
  const frontMatter = analysis.report.frontMatter;
  if (!frontMatter) return new Set();
  return new Set(splitLines(analysis.report.text.slice(frontMatter.range.start, frontMatter.range.end)).map((line) => line.trimEnd()));
}

/** Skips the case (fast-check counts it as skipped): for a property that does not apply to it. */
function skipCase(): never {
  fc.pre(false);
  throw new Error('fc.pre(false) returned');
}

/** Runs a command; a case where it throws is left to the property "commands never throw". */
function runOrSkip(command: Command, c: Case): CommandRun {
  try {
    return command.run(c.text, c);
  } catch {
    return skipCase();
  }
}

/** Analyses a text; a case where that throws is left to the property "analyzeReport never throws". */
function analyzeOrSkip(text: string, setup: Setup): Analysis {
  try {
    return analyzeReport(text, analysisOptions(setup));
  } catch {
    return skipCase();
  }
}

// --- What may be lost ----------------------------------------------------------------------------------------------

/**
 * The value of a field line (`- **Name:** value`, `- **Name**: value`, `- Name: value`, also inside a block quote), or
 * null for any other line.
 * Written without regular expressions over the label: lines of `- **` and thousands of spaces are among the inputs.
 */
function fieldValue(line: string): string | null {
  const trimmed = line.trim().replace(/^(?:>\s?)+/, '').trim();
  const marker = /^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/.exec(trimmed);
  if (!marker) return null;
  const rest = trimmed.slice(marker[0].length);
  const bold = rest.startsWith('**') ? '**' : rest.startsWith('__') ? '__' : null;
  if (bold) {
    const close = rest.indexOf(bold, 2);
    if (close === -1) return null;
    const label = rest.slice(2, close).trimEnd();
    const after = rest.slice(close + 2);
    if (label.endsWith(':')) return after.trim();
    return after.startsWith(':') ? after.slice(1).trim() : null;
  }
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon > 60 || !/^[A-Za-z][\w /&()'’.-]*$/.test(rest.slice(0, colon).trimEnd())) return null;
  return rest.slice(colon + 1).trim();
}

/** Placeholder texts of every template the case can use. */
function placeholdersOf(setup: Setup): Set<string> {
  return new Set(REGISTRIES[setup.registry].list().flatMap((loaded) => [...placeholderSet(loaded.template)]));
}

/**
 * Whether losing the line loses content: anything but a blank line (also a blank line of a block quote, only `>`
 * markers, which holds no word), a template placeholder, an N/A marker, and a field line whose value is empty, a
 * placeholder or N/A (the commands rewrite those as `- **Name:** N/A`).
 */
function lineMatters(line: string, placeholders: ReadonlySet<string>): boolean {
  const trimmed = line.replace(/^\uFEFF/, '').trim();
  if (/^[>\s]*$/.test(trimmed) || placeholders.has(trimmed) || isNotApplicable(trimmed)) return false;
  const value = fieldValue(trimmed);
  return value === null || !(value === '' || placeholders.has(value) || isNotApplicable(value));
}

/** A rough name for what a line is, so that failures group by the kind of content lost. */
function lineKind(line: string): string {
  if (/^\s*(?:```|~~~)/.test(line)) return 'fence line';
  if (/^(?: {4}|\t)/.test(line)) return 'indented line';
  if (/^\s*>/.test(line)) return 'quote';
  if (/^\s*\|/.test(line)) return 'table row';
  if (/^\s*</.test(line)) return 'HTML';
  if (/^\s{0,3}#/.test(line)) return 'heading';
  if (/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line)) return fieldValue(line) === null ? 'list item' : 'field';
  if (/^\s*[-=]+\s*$/.test(line)) return 'setext underline or break';
  return 'text';
}

function checkKeepsLines(command: Command, c: Case): void {
  const input = analyzeOrSkip(c.text, c.setup);
  const { output } = runOrSkip(command, c);
  const placeholders = placeholdersOf(c.setup);
  const lost = lostLines(splitLines(c.text), splitLines(output), {
    matters: (line) => lineMatters(line, placeholders),
    mayReplace: (line) => command.mayReplace(line, input),
    renamesHeadings: command.renamesHeadings,
  });
  if (lost.length === 0) return;
  fail(`${command.name} lost a line (first lost: ${lineKind(lost[0])})`, `lost: ${lost.map((line) => show(line, 120)).join(', ')}`, `output: ${show(output, 2000)}`);
}

function checkIdempotent(command: Command, c: Case): void {
  const { output, again } = runOrSkip(command, c);
  let second: TextEdit | null;
  try {
    second = again();
  } catch {
    return skipCase();
  }
  if (!second) return;
  const fixable = command.name === 'Fix All' ? ` (fixable again: ${fixableRules(output, c.setup)})` : '';
  fail(`${command.name} is not idempotent${fixable}`, `second run replaces ${show(output.slice(second.start, second.end))} at ${second.start} with ${show(second.newText)}`, `output: ${show(output, 2000)}`);
}

function fixableRules(text: string, setup: Setup): string {
  const rules = analyzeReport(text, analysisOptions(setup)).diagnostics.filter((d) => d.fixes?.some((f) => f.isPreferred)).map((d) => d.rule);
  return [...new Set(rules)].sort().join(', ') || 'none';
}

// --- Ranges -----------------------------------------------------------------------------------------------------------

/** What a range boundary cuts in two, if anything. */
function splitAt(text: string, offset: number): string | null {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 13 && after === 10) return 'a CRLF pair';
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return 'a surrogate pair';
  return null;
}

function checkRange(text: string, range: Range, what: string): void {
  if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && 0 <= range.start && range.start <= range.end && range.end <= text.length)) {
    fail(`${what} lies outside the text`, `[${range.start}, ${range.end}) of ${text.length}`);
  }
  for (const offset of [range.start, range.end]) {
    const split = splitAt(text, offset);
    if (split) fail(`${what} splits ${split}`, `[${range.start}, ${range.end}) around ${show(text.slice(Math.max(0, offset - 20), offset + 20))}`);
  }
}

// --- Fixes -----------------------------------------------------------------------------------------------------------

/**
 * "The same diagnostic" after a fix: one with the same rule and the same message once line numbers in it are
 * discounted ("already appears on line 12" moves when lines are inserted above). A fix clears its diagnostic when
 * fewer diagnostics with that rule and message remain than before: counting, rather than looking for one, keeps two
 * identical diagnostics apart (two empty sections with the same title: fixing one leaves the other, rightly), and
 * a section moved by a fix is still found wherever it went.
 */
function sameDiagnosticKey(diagnostic: Diagnostic): string {
  return `${diagnostic.rule}\u0000${diagnostic.message.replace(/\bline \d+/g, 'line N').replace(/\(line \d+, column \d+\)/g, '(line N, column N)')}`;
}

/**
 * At most this many fixes are tried per case, spread over the document: each needs a full analysis, and front matter
 * with a thousand unknown keys carries a thousand fixes.
 */
const MAX_FIXES_TRIED = 64;

function checkFixes(c: Case): void {
  const before = analyzeOrSkip(c.text, c.setup);
  const count = (analysis: Analysis, key: string) => analysis.diagnostics.filter((d) => sameDiagnosticKey(d) === key).length;
  const analysed = new Map<string, Analysis>();
  const all = before.diagnostics.flatMap((diagnostic) => (diagnostic.fixes ?? []).map((fix) => ({ diagnostic, fix })));
  const step = Math.ceil(all.length / MAX_FIXES_TRIED);
  for (const { diagnostic, fix } of all.filter((_, i) => i % step === 0)) {
    let fixed: string;
    try {
      fixed = applyEdits(c.text, fix.edits);
    } catch (error) {
      fail(`${diagnostic.rule}: a fix's edits cannot be applied`, `fix "${fix.title}": ${String(error)}`, `edits: ${JSON.stringify(fix.edits)}`);
    }
    let after = analysed.get(fixed);
    if (!after) analysed.set(fixed, (after = analyzeOrSkip(fixed, c.setup)));
    const key = sameDiagnosticKey(diagnostic);
    if (count(after, key) >= count(before, key)) {
      fail(`${diagnostic.rule}: a fix does not clear its diagnostic`, `diagnostic: ${diagnostic.message}`, `fix "${fix.title}": ${JSON.stringify(fix.edits)}`, `fixed text: ${show(fixed, 2000)}`);
    }
  }
}

// --- The properties ---------------------------------------------------------------------------------------------------

/** Lines of the largest template, rendered in full: the most any command may add on top of doubling a document. */
function renderedTemplateLines(setup: Setup): number {
  return Math.max(...REGISTRIES[setup.registry].list().map(({ template }) => splitLines(renderReport(template, { title: 't', mode: 'text', notApplicableReason: setup.reason })).length));
}

export const PROPERTIES: readonly ReportProperty[] = [
  {
    name: 'analyzeReport never throws',
    unitRuns: 600,
    check: (c) => {
      try {
        analyzeReport(c.text, analysisOptions(c.setup));
      } catch (error) {
        fail(`analyzeReport threw ${describeError(error)}`, String((error as Error)?.stack ?? error));
      }
    },
  },
  {
    name: 'every diagnostic and fix range lies inside the text and splits no CRLF or surrogate pair',
    unitRuns: 600,
    check: (c) => {
      for (const diagnostic of analyzeOrSkip(c.text, c.setup).diagnostics) {
        checkRange(c.text, diagnostic.range, `${diagnostic.rule}: the diagnostic range`);
        for (const fix of diagnostic.fixes ?? []) for (const edit of fix.edits) checkRange(c.text, edit, `${diagnostic.rule}: an edit of fix "${fix.title.replace(/".*"/, '…')}"`);
      }
    },
  },
  { name: 'every quick fix applies and its diagnostic does not come back', unitRuns: 100, check: checkFixes },
  ...COMMANDS.flatMap((command): ReportProperty[] => [
    { name: `${command.name} is idempotent`, unitRuns: command.unitRuns, check: (c) => checkIdempotent(command, c) },
    { name: `${command.name} keeps every line that is not a placeholder`, unitRuns: command.unitRuns, check: (c) => checkKeepsLines(command, c) },
  ]),
  {
    name: 'no command more than doubles a document (plus one rendered template)',
    unitRuns: 60,
    check: (c) => {
      const inputLines = splitLines(c.text).length;
      const limit = 2 * inputLines + renderedTemplateLines(c.setup);
      for (const command of COMMANDS) {
        const outputLines = splitLines(runOrSkip(command, c).output).length;
        if (outputLines > limit) fail(`${command.name} grows the document beyond twice its lines plus a template`, `${inputLines} lines became ${outputLines} (limit ${limit})`);
      }
    },
  },
  {
    name: 'commands never throw (Fix All, both Mark N/A commands, export), also on their own output',
    unitRuns: 60,
    check: (c) => {
      const attempt = (what: string, run: () => unknown) => {
        try {
          return run();
        } catch (error) {
          fail(`${what} threw ${describeError(error)}`, String((error as Error)?.stack ?? error));
        }
      };
      for (const command of COMMANDS) {
        const run = attempt(command.name, () => command.run(c.text, c)) as CommandRun;
        attempt(`${command.name} (second run)`, run.again);
      }
      const analysis = analyzeOrSkip(c.text, c.setup);
      attempt('export', () => JSON.stringify(exportReport('report.md', analysis)));
    },
  },
];

/** An error's class and message, without what varies from case to case (numbers, quoted text), for grouping failures. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a non-error: ${String(error).slice(0, 60)}`;
  const message = error.message.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 80);
  const frame = /\n\s+at (?:new )?([\w$.<>]+) /.exec(error.stack ?? '')?.[1];
  return `${error.name}: ${message}${frame ? ` (in ${frame})` : ''}`;
}
