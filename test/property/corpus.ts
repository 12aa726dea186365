import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates } from '../../src/core/template/registry';
import { renderReport } from '../../src/core/template/render';

/** Real report text, one entry per source, each split into lines, for the document generators to borrow from. */
export type Corpus = readonly (readonly string[])[];

/** Folders of real reports, relative to the repository root, and the extension of the files taken from them. */
const SOURCES: readonly [folder: string, extension: string][] = [
  ['test/fixtures/seeds', '.md'],
  ['test/fixtures', '.md'],
  ['examples/incidents', '.md'],
];

/** The seed reports, the fixtures, the examples and the skeleton of every built-in template (as `New Report` writes it). */
export function loadCorpus(root: string): Corpus {
  const files = SOURCES.flatMap(([folder, extension]) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => readFileSync(join(root, folder, name), 'utf8')),
  );
  const skeletons = builtinTemplates().map(({ template }) => renderReport(template, { title: 'Skeleton', mode: 'text', notApplicableReason: 'not an attack' }));
  return [...files, ...skeletons].map((text) => text.split(/\r\n|\r|\n/));
}
