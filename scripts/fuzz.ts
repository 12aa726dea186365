// Runs the properties of test/property/properties.ts on many generated documents: `npm run fuzz -- --runs N`.
//
//   --runs N          cases per property (default 10000)
//   --seed S          the seed of the first property (default: a random one, printed); property i uses S + i
//   --property TEXT   only the properties whose name contains TEXT
//   --path P          with --seed and --property: replay one case (a path printed by an earlier run) and show its failure
//   --hang-ms MS      a case that takes longer fails as a hang (default 2000)
//   --stall-s S       a case that has not finished after S seconds is reported unshrunk and ends its property (default 60)
//   --jobs J          properties run at once, each in its own worker thread (default 1)
//   --long-lines N    longest generated line (default 60000)
//   --yaml-keys N     most keys and aliases in generated front matter (default 1000); the properties that analyse a
//                     text many times (fixes, commands) go much faster with a few thousand and a hundred
//
// Unlike the unit suite, a run does not stop at the first failure: it runs every case, groups the failures by class
// (the first line of the failure message, without numbers and quoted text), and shrinks one case of each class with
// a predicate that fails only for that class, so that every distinct failure gets its own minimal counterexample.
// Exits 1 when any property failed.
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadCorpus } from '../test/property/corpus';
import { FUZZ_SCALE } from '../test/property/generators';
import { caseArbitrary, describeError, PROPERTIES, type Case, type ReportProperty } from '../test/property/properties';

import { ROOT } from '../test/unit/helpers';
/** How long the shrinking of one failure class may take before the smallest case found so far is kept. */
const SHRINK_BUDGET_MS = 120_000;

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly property: string | undefined;
  readonly path: string | undefined;
  readonly hangMs: number;
  readonly stallSeconds: number;
  readonly jobs: number;
  readonly longLines: number;
  readonly yamlKeys: number;
}

interface Job {
  readonly name: string;
  readonly runs: number;
  readonly seed: number;
  /** Index in the stream of cases to start at: after a stalled case, the run goes on with the next one. */
  readonly start: number;
  readonly hangMs: number;
  readonly longLines: number;
  readonly yamlKeys: number;
  /** [cases started, …]: the main thread watches it to notice a case that never ends. */
  readonly progress: SharedArrayBuffer;
}

interface FailureClass {
  readonly signature: string;
  count: number;
  /** Index of its first case in the property's stream of cases: the path that replays it unshrunk. */
  readonly firstIndex: number;
  shrunk?: { readonly path: string; readonly value: Case; readonly message: string };
}

interface JobResult {
  readonly name: string;
  numRuns: number;
  numSkips: number;
  seconds: number;
  readonly classes: FailureClass[];
}

/** A failing case, posted as soon as it is seen, so that a worker stopped by a stall loses none. */
interface FailureNote {
  readonly signature: string;
  readonly index: number;
}

function parseOptions(args: readonly string[]): Options {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args[at + 1];
  };
  const number = (flag: string, fallback: number) => {
    const text = value(flag);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (!Number.isInteger(parsed)) throw new Error(`${flag} needs an integer, got "${text}"`);
    return parsed;
  };
  return {
    runs: number('--runs', 10_000),
    seed: number('--seed', Math.floor(Math.random() * 2 ** 31)),
    property: value('--property'),
    path: value('--path'),
    hangMs: number('--hang-ms', 2_000),
    stallSeconds: number('--stall-s', 60),
    jobs: Math.max(1, number('--jobs', 1)),
    longLines: number('--long-lines', FUZZ_SCALE.longLine),
    yamlKeys: number('--yaml-keys', FUZZ_SCALE.yamlKeys),
  };
}

/** The cases of a run, at the scale its flags ask for. */
const cases = (scale: { readonly longLines: number; readonly yamlKeys: number }) =>
  caseArbitrary(loadCorpus(ROOT), { ...FUZZ_SCALE, longLine: scale.longLines, yamlKeys: scale.yamlKeys });
const propertyNamed = (name: string) => PROPERTIES.find((p) => p.name === name)!;

interface Outcome {
  /** The property does not apply to the case (`fc.pre`). */
  readonly skipped: boolean;
  readonly failures: readonly { readonly signature: string; readonly message: string }[];
}

/** Runs the property on one case: what went wrong, as failure classes, with a case slower than `hangMs` as a hang. */
function classify(property: ReportProperty, value: Case, hangMs: number): Outcome {
  const failures: { signature: string; message: string }[] = [];
  const start = performance.now();
  try {
    property.check(value);
  } catch (error) {
    if (fc.PreconditionFailure.isFailure(error)) return { skipped: true, failures };
    const message = error instanceof Error ? error.message : String(error);
    const summary = error instanceof Error && error.name === 'AssertionError' ? message.split('\n')[0] : `unexpected ${describeError(error)}`;
    failures.push({ signature: summary.replace(/\d+/g, 'N'), message });
  }
  const elapsed = performance.now() - start;
  if (elapsed > hangMs) failures.push({ signature: `hang: one case took over ${hangMs} ms`, message: `took ${Math.round(elapsed)} ms` });
  return { skipped: false, failures };
}

/** Worker: runs one property, then shrinks one case of each failure class within its class. */
function runJob(job: Job): JobResult {
  const property = propertyNamed(job.name);
  const arbitrary = cases(job);
  const progress = new Int32Array(job.progress);
  const classes = new Map<string, FailureClass>();
  let index = job.start;
  const started = performance.now();
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      Atomics.add(progress, 0, 1);
      const at = index++;
      const { skipped, failures } = classify(property, value, job.hangMs);
      for (const { signature } of failures) {
        parentPort!.postMessage({ signature, index: at } satisfies FailureNote);
        const known = classes.get(signature);
        if (known) known.count++;
        else classes.set(signature, { signature, count: 1, firstIndex: at });
      }
      fc.pre(!skipped);
      return true; // failures are collected, not reported to fast-check: the run goes on
    }),
    { seed: job.seed, numRuns: job.runs - job.start, ...(job.start > 0 ? { path: String(job.start) } : {}) },
  );
  for (const failureClass of classes.values()) failureClass.shrunk = shrinkWithinClass(property, arbitrary, job, failureClass, progress);
  return { name: job.name, numRuns: details.numRuns, numSkips: details.numSkips, seconds: (performance.now() - started) / 1000, classes: [...classes.values()] };
}

function shrinkWithinClass(property: ReportProperty, arbitrary: fc.Arbitrary<Case>, job: Job, failureClass: FailureClass, progress: Int32Array): FailureClass['shrunk'] {
  const deadline = performance.now() + SHRINK_BUDGET_MS;
  let message = '';
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      Atomics.add(progress, 0, 1);
      if (performance.now() > deadline) return true; // out of time: keep the smallest failing case so far
      const same = classify(property, value, job.hangMs).failures.find((failure) => failure.signature === failureClass.signature);
      if (same) message = same.message;
      return !same;
    }),
    { seed: job.seed, path: String(failureClass.firstIndex), numRuns: 1 },
  );
  if (!details.failed || !details.counterexample || details.counterexamplePath === null) return undefined;
  return { path: details.counterexamplePath, value: details.counterexample[0], message };
}

/** The case a path leads to, without running the property on it. */
function caseAt(seed: number, path: string, scale: { readonly longLines: number; readonly yamlKeys: number }): Case {
  let found: Case | undefined;
  fc.check(fc.property(cases(scale), (value) => ((found ??= value), true)), { seed, path, numRuns: 1 });
  return found!;
}

/** Runs one property in a worker thread; a case that stalls is reported, and the run resumes after it. */
async function runProperty(job: Omit<Job, 'progress' | 'start'>, stallSeconds: number): Promise<JobResult> {
  const started = performance.now();
  const total: JobResult = { name: job.name, numRuns: 0, numSkips: 0, seconds: 0, classes: [] };
  for (let start = 0; start < job.runs; ) {
    const part = await runInWorker({ ...job, start }, stallSeconds);
    total.numRuns += part.result.numRuns;
    total.numSkips += part.result.numSkips;
    for (const found of part.result.classes) {
      const known = total.classes.find((c) => c.signature === found.signature);
      if (!known) total.classes.push(found);
      else {
        known.count += found.count;
        known.shrunk ??= found.shrunk;
      }
    }
    if (part.stalledAt === null) break;
    start = part.stalledAt + 1;
  }
  return { ...total, seconds: (performance.now() - started) / 1000 };
}

function runInWorker(job: Omit<Job, 'progress'>, stallSeconds: number): Promise<{ result: JobResult; stalledAt: number | null }> {
  const progress = new SharedArrayBuffer(4);
  const counter = new Int32Array(progress);
  const worker = new Worker(__filename, { workerData: { ...job, progress } });
  return new Promise((resolve, reject) => {
    const seen = new Map<string, FailureClass>();
    let last = -1;
    let still = 0;
    let ticks = 0;
    const watchdog = setInterval(() => {
      const now = Atomics.load(counter, 0);
      if (++ticks % 60 === 0) console.error(`  … ${job.name}: ${job.start + now} cases started`);
      still = now === last ? still + 1 : 0;
      last = now;
      if (still < stallSeconds) return;
      clearInterval(watchdog);
      void worker.terminate();
      // Cases started in this worker count from job.start; past job.runs it was shrinking, and the run is over.
      const index = job.start + now - 1;
      const stalled: FailureClass = { signature: `stall: one case did not finish in ${stallSeconds} s`, count: 1, firstIndex: index };
      const inFirstPass = index < job.runs;
      if (inFirstPass) stalled.shrunk = { path: String(index), value: caseAt(job.seed, String(index), job), message: 'not shrunk: the case never finished' };
      const result = { name: job.name, numRuns: Math.min(now, job.runs - job.start), numSkips: 0, seconds: 0, classes: [...seen.values(), stalled] };
      resolve({ result, stalledAt: inFirstPass ? index : null });
    }, 1000);
    worker.on('message', (message: JobResult | FailureNote) => {
      if ('index' in message) {
        const known = seen.get(message.signature);
        if (known) known.count++;
        else seen.set(message.signature, { signature: message.signature, count: 1, firstIndex: message.index });
        return;
      }
      clearInterval(watchdog);
      resolve({ result: message, stalledAt: null });
    });
    worker.once('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

function report(result: JobResult, seed: number, options: Options): void {
  const failures = result.classes.reduce((sum, c) => sum + c.count, 0);
  const mark = result.classes.length === 0 ? '✔' : '✘';
  console.log(`${mark} ${result.name}: ${result.numRuns} cases, ${failures} failures, ${result.classes.length} failure classes (${result.numSkips} skipped, seed ${seed}, ${result.seconds.toFixed(0)} s)`);
  result.classes
    .sort((a, b) => b.count - a.count)
    .forEach((failureClass, i) => {
      console.log(`  class ${i + 1}: ${failureClass.signature} — ${failureClass.count} cases`);
      const shrunk = failureClass.shrunk;
      if (!shrunk) {
        console.log(`    (could not be shrunk; first case: --seed ${seed} --path ${failureClass.firstIndex})`);
        return;
      }
      console.log(`    replay: npm run fuzz -- --property ${JSON.stringify(result.name)} --seed ${seed} --path ${shrunk.path} --hang-ms ${options.hangMs} --long-lines ${options.longLines} --yaml-keys ${options.yamlKeys}`);
      console.log(`    text: ${JSON.stringify(shrunk.value.text)}`);
      console.log(`    setup: ${JSON.stringify(shrunk.value.setup)}, offset: ${shrunk.value.offset}`);
      console.log(`    ${shrunk.message.split('\n').slice(0, 3).join('\n    ').slice(0, 1500)}`);
    });
}

/** Replays one case with the property itself (a fast-check replay of seed and path). */
function replay(options: Options): boolean {
  const property = PROPERTIES.find((p) => p.name.includes(options.property ?? ''));
  if (!property || !options.path) throw new Error('--path needs --seed and --property');
  const value = caseAt(options.seed, options.path, options);
  console.log(`${property.name}\ntext: ${JSON.stringify(value.text)}\nsetup: ${JSON.stringify(value.setup)}, offset: ${value.offset}`);
  const { failures } = classify(property, value, options.hangMs);
  for (const failure of failures) console.log(`✘ ${failure.message}`);
  if (failures.length === 0) console.log('✔ passes');
  return failures.length === 0;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.path) return replay(options) ? 0 : 1;
  const chosen = PROPERTIES.map((property, i) => ({ property, seed: options.seed + i })).filter(({ property }) => !options.property || property.name.includes(options.property));
  if (chosen.length === 0) throw new Error(`No property matches "${options.property}"`);
  console.log(`${chosen.length} properties, ${options.runs} cases each, seed ${options.seed}, ${options.jobs} at a time`);
  let failed = false;
  const queue = [...chosen];
  const next = async (): Promise<void> => {
    const item = queue.shift();
    if (!item) return;
    const result = await runProperty({ name: item.property.name, runs: options.runs, seed: item.seed, hangMs: options.hangMs, longLines: options.longLines, yamlKeys: options.yamlKeys }, options.stallSeconds);
    report(result, item.seed, options);
    failed ||= result.classes.length > 0;
    await next();
  };
  await Promise.all(Array.from({ length: options.jobs }, next));
  return failed ? 1 : 0;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
} else {
  parentPort!.postMessage(runJob(workerData as Job));
}
