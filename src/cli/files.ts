import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { SKIPPED_FOLDERS } from '../core/project/config';
import { CliError } from './errors';


const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
};

/**
 * A file's text (UTF-8; a BOM stays for the core to skip). Any failure is a CliError naming the file.
 * Synchronous: files are checked one after the other, and the promise API costs more per small file.
 */
export function readText(path: string, display: string): string {
  try {
    refuseIrregularFile(path, display);
    // Read and decoded in one call (no Buffer in between), which a lint of many files repeats for each.
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`incident-report: cannot read ${display}: ${reason(error)}`);
  }
}

/** The text, or undefined when the file does not exist; other failures are CliErrors. */
export function readOptionalText(path: string, display: string): string | undefined {
  try {
    return readText(path, display);
  } catch (error) {
    if (error instanceof CliError && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Throws a CliError for anything but a regular file, before it is opened: reading a FIFO or a device would wait
 * forever, or never end.
 */
function refuseIrregularFile(path: string, display: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw new CliError(`incident-report: cannot read ${display}: ${reason(error)}`, errorCode(error));
  }
  if (!isFile) throw new CliError(`incident-report: cannot read ${display}: ${statSync(path).isDirectory() ? 'it is a folder' : 'not a regular file'}`);
}

/** The text of a file that will be written back: its bytes must be UTF-8, or writing would change the ones that are not. */
export function readTextToRewrite(path: string, display: string): string {
  let bytes: Buffer;
  try {
    refuseIrregularFile(path, display);
    bytes = readFileSync(path);
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`incident-report: cannot read ${display}: ${reason(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CliError(`incident-report: cannot rewrite ${display}: it is not UTF-8 text`);
  }
}

/** Git's test for binary content: a NUL among the first 8,000 characters. */
export function isBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\u0000');
}

export function notTextError(display: string): CliError {
  return new CliError(`incident-report: cannot read ${display}: not a text file (it contains NUL bytes)`);
}

export function reason(error: unknown): string {
  const code = errorCode(error);
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file under `folder` (absolute paths, sorted), skipping node_modules and .git. Symbolic links to files are
 * listed (a broken one too, so that reading it reports the problem); links to folders are not followed.
 */
export async function walkFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (current: string) => {
    const entries = await readdir(current, { withFileTypes: true }).catch((error) => {
      throw new CliError(`incident-report: cannot read folder ${current}: ${reason(error)}`);
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.includes(entry.name)) await visit(path);
      } else if (entry.isFile() || (entry.isSymbolicLink() && !(await isFolder(path)))) {
        found.push(path);
      }
    }
  };
  await visit(folder);
  return found;
}

/** A path as the user sees it: relative to `from` when inside it, with forward slashes. */
export function displayPath(from: string, path: string): string {
  const relativePath = relative(from, path);
  if (relativePath === '' || isAbsolute(relativePath)) return path;
  return relativePath.split(sep).join('/');
}
