import { resolve } from 'node:path';
import type { Analysis } from '../core/analysis/analyze';
import type { CliContext } from './context';
import { displayPath, isBinary, notTextError, readText } from './files';
import { loadWorkspace } from './workspace';

/** A file named on the command line, analysed as a report whatever its name and content. */
export async function analyzeNamedReport(file: string, context: CliContext): Promise<{ display: string; analysis: Analysis }> {
  const workspace = await loadWorkspace(context.cwd, context.now);
  const path = resolve(context.cwd, file);
  const display = displayPath(context.cwd, path);
  const text = readText(path, display);
  if (isBinary(text)) throw notTextError(display);
  return { display, analysis: workspace.analyze(text, () => true)! };
}
