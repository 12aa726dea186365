import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintedFile } from '../../core/output/exportSchema';
import { toSarif, type SarifLog } from '../../core/output/sarif';

/** SARIF with URIs relative to `base` (`%SRCROOT%`), as GitHub code scanning expects them relative to the repository. */
export function formatSarif(files: readonly LintedFile[], options: { cwd: string; base: string; version: string }): SarifLog {
  const base = resolve(options.cwd, options.base);
  const baseUri = pathToFileURL(base).href.replace(/\/?$/, '/');
  return toSarif(
    files.map((file) => {
      const path = resolve(options.cwd, file.file);
      const relativePath = relative(base, path);
      const inside = relativePath !== '' && relativePath !== '..' && !relativePath.startsWith(`..${sep}`) && !isAbsolute(relativePath);
      const uri = inside ? relativePath.split(sep).map(encodeURIComponent).join('/') : pathToFileURL(path).href;
      return { uri, relative: inside, diagnostics: file.diagnostics };
    }),
    { toolVersion: options.version, baseUri },
  );
}
