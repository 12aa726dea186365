import { Minimatch } from 'minimatch';
import { isAbsolute, resolve } from 'node:path';
import type { Analysis } from '../core/analysis/analyze';
import { isReportCandidate } from '../core/project/config';
import type { CliContext } from './context';
import { CliError } from './errors';
import { displayPath, isBinary, isFolder, notTextError, readText, walkFiles } from './files';
import type { Workspace } from './workspace';

export interface LintTarget {
  readonly path: string;
  /** Path relative to the current folder, forward slashes. */
  readonly display: string;
  /** Whether the file must be checked as a report even when neither its path nor its content says it is one. */
  readonly forced: boolean;
}

/**
 * The files `lint` (and `fix`, `mark-na`) check. No arguments: every Markdown file under the current folder (and any file the
 * configured globs name). A folder: the same under it. A glob: the files it matches. In these cases a file is
 * checked when it is a report by the extension's rule (the globs, else its front matter or title). A file
 * path: that file, always checked as a report.
 */
export async function lintTargets(command: string, args: readonly string[], workspace: Workspace, cwd: string): Promise<LintTarget[]> {
  const targets = new Map<string, LintTarget>();
  const add = (path: string, forced: boolean) => {
    if (!targets.has(path)) targets.set(path, { path, display: displayPath(cwd, path), forced });
  };
  const addFolder = async (folder: string) => {
    for (const path of await walkFiles(folder)) {
      if (isReportCandidate(displayPath(workspace.root, path), workspace.config)) add(path, false);
    }
  };

  if (args.length === 0) await addFolder(workspace.root);
  for (const arg of args) {
    const pattern = new Minimatch(arg.replace(/\\/g, '/').replace(/^(\.\/)+/, ''), { dot: true });
    if (pattern.hasMagic()) {
      const folder = resolve(cwd, staticPrefix(pattern.pattern));
      const matched = ((await isFolder(folder)) ? await walkFiles(folder) : []).filter((path) =>
        pattern.match(isAbsolute(pattern.pattern) ? path.replace(/\\/g, '/') : displayPath(cwd, path)),
      );
      if (matched.length === 0) throw new CliError(`incident-report ${command}: no files match "${arg}"`);
      matched.forEach((path) => add(path, false));
    } else if (await isFolder(resolve(cwd, arg))) {
      await addFolder(resolve(cwd, arg));
    } else {
      add(resolve(cwd, arg), true);
    }
  }
  return [...targets.values()];
}

/** The folders at the start of a glob, before its first segment with a wildcard. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((segment) => new Minimatch(segment, { magicalBraces: true }).hasMagic());
  const prefix = segments.slice(0, firstMagic).join('/');
  return prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.';
}

/**
 * A target's text and analysis when it is a report, else null. Binary content under the report globs (or in a
 * file named on the command line) is a CliError; elsewhere it is simply not a report.
 */
export function readReport(target: LintTarget, workspace: Workspace, read: (path: string, display: string) => string): { text: string; analysis: Analysis } | null {
  const text = read(target.path, target.display);
  const matchesGlobs = () => target.forced || workspace.matchesGlobs(target.path);
  if (isBinary(text)) {
    if (matchesGlobs()) throw notTextError(target.display);
    return null;
  }
  const analysis = workspace.analyze(text, matchesGlobs);
  return analysis ? { text, analysis } : null;
}

export interface TargetReport {
  readonly target: LintTarget;
  readonly text: string;
  readonly analysis: Analysis;
}

/** Every target that is a report, analysed; a file that cannot be read is reported on stderr, counted and skipped. */
export function readReports(targets: readonly LintTarget[], workspace: Workspace, context: CliContext): { reports: TargetReport[]; failures: number } {
  const reports: TargetReport[] = [];
  let failures = 0;
  for (const target of targets) {
    try {
      const found = readReport(target, workspace, readText);
      if (found) reports.push({ target, ...found });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      context.err(`${error.message}\n`);
      failures++;
    }
  }
  return { reports, failures };
}
