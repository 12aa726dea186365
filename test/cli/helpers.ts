import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would: `node dist/cli.js …` in `cwd`, NO_COLOR unset, stdout a pipe. */
export function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const environment = { ...process.env, ...env };
  if (!('NO_COLOR' in env)) delete environment.NO_COLOR;
  // A hang (a FIFO read, a runaway loop) fails the test instead of blocking the run: spawnSync cannot be interrupted.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: environment, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder with the given files (paths relative to it); removed by `dispose`. */
export class TempFolder {
  readonly path = mkdtempSync(join(tmpdir(), 'incident-report-cli-'));

  constructor(files: Record<string, string | Buffer> = {}) {
    for (const [name, content] of Object.entries(files)) this.write(name, content);
  }

  write(name: string, content: string | Buffer): string {
    const path = join(this.path, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  read(name: string): string {
    return readFileSync(join(this.path, name), 'utf8');
  }

  dispose(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The process ended on purpose: no Node stack trace, no "internal error". */
export function assertNoCrash(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /^\s+at /m, run.stderr);
  assert.doesNotMatch(run.stderr, /internal error/, run.stderr);
}
