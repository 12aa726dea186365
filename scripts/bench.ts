// `npm run bench [-- --quick]`: how fast the engine is next to markdown-it and markdownlint, measured in one run.
//
// In process, for reports of 1,000, 10,000 and 50,000 lines and of 5 MB: a markdown-it parse, markdownlint's default
// rules, our first analysis (caches cleared) and our re-analysis after a one-line edit (caches as the first one left
// them), interleaved round by round (markdownlint with our first analysis, in rounds of their own); each ratio is
// the median of the rounds' own ratios, so a slow moment of the machine slows both sides of a ratio alike. Each size
// is first run, uncounted, for WARM_UP_MS, so that both sides are measured with their hot functions compiled (a cold
// process is what the whole-process figures measure). A figure that takes less than BATCH_MS is the mean of a batch
// of runs lasting about that long: a young-generation collection then falls inside it with its due share, rather
// than inside one run of a few milliseconds or none.
//
// Whole processes, with the production build as it ships: the CLI linting 1,000 reports against markdownlint-cli2 on
// the same files, and the CLI linting the 5 MB report against a process that only parses it with markdown-it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyzeReport, type AnalysisOptions } from '../src/core/analysis/analyze';
import { RecentCache } from '../src/core/text/recentCache';
import { AttackCatalog, parseAttackData } from '../src/core/security/attack';
import { TemplateRegistry } from '../src/core/template/registry';
import { CLEAN_REPORT, ERROR_REPORT, WARNING_REPORT } from '../test/cli/fixtures';
import { editedInTheMiddle, reportOfLines, reportOfSize } from './benchReports';

const ROOT = join(__dirname, '..', '..');
const MARKDOWNLINT_CLI2 = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const quick = process.argv.includes('--quick');

const markdownIt = new MarkdownIt();
const options: AnalysisOptions = {
  templates: new TemplateRegistry(),
  now: new Date(),
  attack: new AttackCatalog(parseAttackData(JSON.parse(readFileSync(join(ROOT, 'data', 'attack', 'enterprise-attack.json'), 'utf8')))),
};

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Shortest stretch one figure is measured over, and how long each size is run before it is (see the top of this file). */
const BATCH_MS = 50;
const WARM_UP_MS = 1000;

/** How many runs a batch of `run` takes, from a run's duration. */
function batchSize(run: () => unknown): number {
  return Math.max(1, Math.ceil(BATCH_MS / time(run)));
}

/** The mean time of `count` runs; `prepare` runs untimed before each. */
function timeBatch(count: number, run: () => unknown, prepare: () => unknown = () => {}): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    prepare();
    total += time(run);
  }
  return total / count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Row {
  readonly label: string;
  readonly markdownIt: number;
  readonly markdownlint: number;
  readonly first: number;
  readonly again: number;
  readonly firstRatio: number;
  readonly againRatio: number;
  readonly markdownlintRatio: number;
}

function measure(label: string, text: string, rounds: number): Row {
  const edited = editedInTheMiddle(text);
  const lintDefault = () => markdownlint({ strings: { report: text } });
  const parseText = () => markdownIt.parse(text, {});
  const analyzeText = () => analyzeReport(text, options);
  const analyzeEdited = () => analyzeReport(edited, options);
  const clearCaches = () => RecentCache.clearAll();
  // Runs to compile the hot functions, not counted; the last one sizes the batches.
  for (const start = performance.now(); performance.now() - start < WARM_UP_MS; ) {
    parseText();
    lintDefault();
    clearCaches();
    analyzeText();
    analyzeEdited();
  }
  const batches = { parse: batchSize(parseText), rules: batchSize(lintDefault), first: batchSize(analyzeText), again: batchSize(analyzeEdited) };
  // Against the parse, then against markdownlint in rounds of their own: markdownlint leaves much garbage, which the
  // run after it collects, and it would be the parse's or ours at random.
  const samples: { markdownIt: number; first: number; again: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const parse = timeBatch(batches.parse, parseText, clearCaches);
    const first = timeBatch(batches.first, analyzeText, clearCaches);
    // After the unedited text, as in an editor: only what the edit touched is read again.
    const again = timeBatch(batches.again, analyzeEdited, analyzeText);
    samples.push({ markdownIt: parse, first, again });
  }
  const lintSamples: { markdownlint: number; first: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = timeBatch(batches.first, analyzeText, clearCaches);
    lintSamples.push({ markdownlint: timeBatch(batches.rules, lintDefault), first });
  }
  const of = (pick: (sample: (typeof samples)[number]) => number) => median(samples.map(pick));
  return {
    label,
    markdownIt: of((s) => s.markdownIt),
    markdownlint: median(lintSamples.map((s) => s.markdownlint)),
    first: of((s) => s.first),
    again: of((s) => s.again),
    firstRatio: of((s) => s.first / s.markdownIt),
    againRatio: of((s) => s.again / s.markdownIt),
    markdownlintRatio: median(lintSamples.map((s) => s.markdownlint / s.first)),
  };
}

function run(command: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, command, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const elapsed = performance.now() - start;
  if (result.status === null || result.status > 1) throw new Error(`${command.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return elapsed;
}

/** Reports that differ in title and dates, a third with a warning and a third with an error. */
function thousandReports(): string[] {
  const bases = [CLEAN_REPORT, WARNING_REPORT, ERROR_REPORT];
  return Array.from({ length: 1000 }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return bases[i % bases.length].replace('Checkout outage', `Checkout outage ${i}`).replace(/2024-03-14/g, `2024-03-${day}`);
  });
}

function wholeProcesses(cli: string, rounds: number, bigReport: string): { cli: number; cli2: number; cliRatio: number; big: number; parseOnly: number; bigRatio: number } {
  const folder = mkdtempSync(join(tmpdir(), 'incident-report-bench-'));
  try {
    mkdirSync(join(folder, 'incidents'));
    thousandReports().forEach((text, i) => writeFileSync(join(folder, 'incidents', `report-${i}.md`), text));
    writeFileSync(join(folder, 'big.md'), bigReport);
    const parseOnly = `require(${JSON.stringify(require.resolve('markdown-it'))})().parse(require('fs').readFileSync('big.md', 'utf8'), {})`;
    const samples: number[][] = [];
    for (let round = 0; round < rounds; round++) {
      const ours = run([cli, 'lint', '--format', 'json', 'incidents'], folder);
      const cli2 = run([MARKDOWNLINT_CLI2, 'incidents/**/*.md'], folder);
      const big = run([cli, 'lint', '--format', 'json', 'big.md'], folder);
      const parse = run(['-e', parseOnly], folder);
      samples.push([ours, cli2, big, parse]);
    }
    return {
      cli: median(samples.map((s) => s[0])),
      cli2: median(samples.map((s) => s[1])),
      cliRatio: median(samples.map((s) => s[1] / s[0])),
      big: median(samples.map((s) => s[2])),
      parseOnly: median(samples.map((s) => s[3])),
      bigRatio: median(samples.map((s) => s[2] / s[3])),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The production build in a temporary folder laid out as the package is (its bundles in dist/, beside data/). */
function buildProduction(): string {
  const folder = mkdtempSync(join(tmpdir(), 'incident-report-production-'));
  const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs'), '--production', '--out', join(folder, 'dist')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`production build failed: ${build.stderr}`);
  cpSync(join(ROOT, 'data'), join(folder, 'data'), { recursive: true });
  return folder;
}

/**
 * The production bundles' sizes, and the time a fresh process takes to require each (what loading the extension or
 * starting the CLI costs before any work), beyond requiring nothing.
 */
function productionBundles(folder: string, rounds: number): { file: string; bytes: number; requireMs: number }[] {
  // The extension's modules touch the vscode API at load time (code action kinds): a stand-in module has every
  // name the API exports, and each answers any use.
  const requireTime = (file: string) => `
    const Module = require('module');
    const declarations = require('fs').readFileSync(${JSON.stringify(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'))}, 'utf8');
    const names = [...declarations.matchAll(/^\\s*export (?:namespace|class|enum|const|function|let) (\\w+)/gm)].map((m) => m[1]);
    const any = new Proxy(function () {}, { get: (target, key) => key === Symbol.toPrimitive ? () => '' : key === 'prototype' ? target.prototype : any, apply: () => any, construct: () => any });
    const api = Object.fromEntries(names.map((name) => [name, any]));
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
    const start = performance.now();
    require(${JSON.stringify(file)});
    process.stdout.write(String(performance.now() - start));`;
  const requireMs = (file: string) => Number(spawnSync(process.execPath, ['-e', requireTime(file)], { encoding: 'utf8' }).stdout);
  // The CLI runs when it is loaded: its start-up is the whole `--version` process beyond an empty one.
  const cliStartMs = (file: string) => run([file, '--version'], folder) - run(['-e', ''], folder);
  return ['extension.js', 'browser/extension.js', 'cli.js'].map((name) => {
    const file = join(folder, 'dist', name);
    const measure = name === 'cli.js' ? cliStartMs : name === 'extension.js' ? requireMs : null;
    return { file: name, bytes: statSync(file).size, requireMs: measure ? median(Array.from({ length: rounds }, () => measure(file))) : NaN };
  });
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const times = (value: number) => `${value.toFixed(2)}×`;

const big = reportOfSize(5 * 1000 * 1000);
const sizes: [string, string, number][] = [
  ['1,000 lines', reportOfLines(1000), quick ? 3 : 15],
  ['10,000 lines', reportOfLines(10_000), quick ? 3 : 9],
  ['50,000 lines', reportOfLines(50_000), quick ? 3 : 5],
  [`5 MB (${big.split('\n').length.toLocaleString('en')} lines)`, big, 3],
];
console.log(`Node ${process.version}; medians of ${quick ? 'a few' : '3 to 15'} interleaved rounds; ratios are medians of each round's ratio.\n`);
console.log('| report | markdown-it parse | markdownlint (default rules) | first analysis | re-analysis after an edit | first ÷ parse | re-analysis ÷ parse | markdownlint ÷ first |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, text, rounds] of sizes) {
  const row = measure(label, text, rounds);
  console.log(
    `| ${row.label} | ${ms(row.markdownIt)} ms | ${ms(row.markdownlint)} ms | ${ms(row.first)} ms | ${ms(row.again)} ms | ${times(row.firstRatio)} | ${times(row.againRatio)} | ${times(row.markdownlintRatio)} |`,
  );
}
const production = buildProduction();
const processes = wholeProcesses(join(production, 'dist', 'cli.js'), quick ? 1 : 5, big);
console.log('\n| whole process | ours | other | other ÷ ours |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| 1,000 reports: \`incident-report lint\` vs markdownlint-cli2 | ${ms(processes.cli)} ms | ${ms(processes.cli2)} ms | ${times(processes.cliRatio)} |`);
console.log(`| 5 MB report: \`incident-report lint\` vs a markdown-it parse | ${ms(processes.big)} ms | ${ms(processes.parseOnly)} ms | ${times(1 / processes.bigRatio)} (ours ÷ parse: ${times(processes.bigRatio)}) |`);

console.log('\n| production bundle | size | load: require of the extension, start-up of the CLI |');
console.log('| --- | ---: | ---: |');
for (const bundle of productionBundles(production, quick ? 3 : 9)) {
  console.log(`| ${bundle.file} | ${(bundle.bytes / 1000).toFixed(0)} KB | ${Number.isNaN(bundle.requireMs) ? 'web worker' : `${ms(bundle.requireMs)} ms`} |`);
}
rmSync(production, { recursive: true, force: true });
