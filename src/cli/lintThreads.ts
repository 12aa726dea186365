import { availableParallelism } from 'node:os';
import { debuglog } from 'node:util';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { exportDiagnostics } from '../core/output/export';
import type { LintedFile } from '../core/output/exportSchema';
import { CliError } from './errors';
import { readText } from './files';
import { readReport, type LintTarget } from './targets';
import { loadWorkspace, type Workspace } from './workspace';

/**
 * What linting one target gives: its problems; nothing when it is not a report; the message of a file that cannot
 * be read; or the message of an internal error. Plain data, so that a worker can post it.
 */
export type LintOutcome = { readonly linted: LintedFile } | { readonly skipped: true } | { readonly unreadable: string } | { readonly crashed: string };

/**
 * `--concurrency auto` starts a thread for every this many files: a worker takes about 200 ms to start (a thread,
 * the bundle, the templates and the ATT&CK catalog), what the main thread takes for a hundred-odd reports.
 */
const FILES_PER_THREAD = 100;

/**
 * The threads `--concurrency auto` uses for this many files: one core is left to V8, which compiles hot functions
 * and collects garbage on background threads, for each thread anew. On two cores a second lint thread competes
 * with that work and was measured slower than one (1,000 reports: 2.07 s against 1.96 s, medians of 6 runs).
 */
export function autoThreads(files: number): number {
  return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(files / FILES_PER_THREAD)));
}

/** `NODE_DEBUG=incident-report` prints how the files were shared out. */
const debug = debuglog('incident-report');

function lintOne(target: LintTarget, workspace: Workspace): LintOutcome {
  try {
    const found = readReport(target, workspace, readText);
    if (!found) return { skipped: true };
    const { analysis } = found;
    return { linted: { file: target.display, kind: analysis.kind, diagnostics: exportDiagnostics(analysis.report.lines, analysis.diagnostics) } };
  } catch (error) {
    if (error instanceof CliError) return { unreadable: error.message };
    return { crashed: error instanceof Error ? error.message : String(error) };
  }
}

/** What a worker needs: it loads the same folder at the same time, and claims targets from the shared counter. */
interface WorkerData {
  readonly root: string;
  readonly now: number;
  readonly targets: readonly LintTarget[];
  /** The index of the next target nobody has claimed, shared by every thread. */
  readonly next: Int32Array;
  /** Targets from this index on are not claimed: each worker has one of them. */
  readonly shared: number;
  /** The worker's own target, which it lints first. */
  readonly own: number;
}

/** The outcomes a thread gives for the targets it claims (and its own one), as `[index, outcome]` pairs. */
function lintClaimed(data: Pick<WorkerData, 'targets' | 'next' | 'shared'>, workspace: Workspace, own: number[]): [number, LintOutcome][] {
  const outcomes = own.map((index): [number, LintOutcome] => [index, lintOne(data.targets[index], workspace)]);
  for (let index = Atomics.add(data.next, 0, 1); index < data.shared; index = Atomics.add(data.next, 0, 1)) outcomes.push([index, lintOne(data.targets[index], workspace)]);
  return outcomes;
}

/**
 * The outcome of every target, in the targets' order, whatever thread linted it. The main thread and `threads - 1`
 * workers running this same bundle (see `serveLintWorker`) each claim the next unclaimed target until none is
 * left, so that a thread that starts late, or is slowed down, takes fewer. Each worker also lints one of the last
 * targets, so that none is started for nothing. One thread lints them all in turn, without a worker.
 */
export async function lintInThreads(targets: readonly LintTarget[], workspace: Workspace, now: Date, threads: number): Promise<LintOutcome[]> {
  const workerCount = Math.min(threads, targets.length) - 1;
  if (workerCount <= 0) return targets.map((target) => lintOne(target, workspace));
  const outcomes: LintOutcome[] = new Array(targets.length);
  const shared = targets.length - workerCount;
  const base = { root: workspace.root, now: now.getTime(), targets, next: new Int32Array(new SharedArrayBuffer(4)), shared };
  let pending = targets.length;
  let running = workerCount;
  let resolveAll!: () => void;
  let rejectAll!: (error: Error) => void;
  const allIn = new Promise<void>((resolve, reject) => ((resolveAll = resolve), (rejectAll = reject)));
  // Only while outcomes are awaited: once all are in, a worker stopped on the way out is no failure.
  const fail = (error: Error) => pending > 0 && rejectAll(error);
  const linted: number[] = [];
  const store = (posted: [number, LintOutcome][]) => {
    for (const [index, outcome] of posted) outcomes[index] = outcome;
    linted.push(posted.length);
    pending -= posted.length;
    if (pending === 0) resolveAll();
  };
  // `__filename` is the CLI's bundle: it serves as a worker when it is not loaded on the main thread.
  const workers = Array.from({ length: workerCount }, (_, worker) =>
    new Worker(__filename, { workerData: { ...base, own: shared + worker } satisfies WorkerData })
      // One message per worker, with all its outcomes: a message per file costs more than linting it.
      .on('message', store)
      .on('error', fail)
      // A worker's message arrives before its exit.
      .on('exit', () => --running === 0 && fail(new Error('a lint worker stopped before it finished'))),
  );
  try {
    store(lintClaimed(base, workspace, []));
    if (pending > 0) await allIn;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  debug('lint: %d threads linted %s of %d files (the main thread first)', workerCount + 1, linted.join(', '), targets.length);
  return outcomes;
}

/** A worker's side of `lintInThreads`: posts the outcomes of its own target and of those it claims. */
export async function serveLintWorker(): Promise<void> {
  const data = workerData as WorkerData;
  const workspace = await loadWorkspace(data.root, new Date(data.now));
  parentPort!.postMessage(lintClaimed(data, workspace, [data.own]));
}
