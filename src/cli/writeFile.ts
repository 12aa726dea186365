import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors';
import { reason } from './files';

/**
 * Replaces a file's content atomically: the text goes to a temporary file beside it, which is then renamed over
 * it, so that a reader (or a crash) never sees half a file. A symbolic link is followed, so the link stays a
 * link; the file keeps its permissions.
 */
export function writeFileAtomically(path: string, text: string, display: string): void {
  let target: string;
  let mode: number;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode;
  } catch (error) {
    throw new CliError(`incident-report: cannot write ${display}: ${reason(error)}`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`incident-report: cannot write ${display}: ${reason(error)}`);
  }
}
