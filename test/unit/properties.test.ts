// The properties of issue 8 on a few hundred generated documents each (`npm run fuzz -- --runs N` runs them on more).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCorpus } from '../property/corpus';
import { UNIT_SCALE } from '../property/generators';
import { lostLines } from '../property/lineDiff';
import { caseArbitrary, PROPERTIES } from '../property/properties';
import { ROOT } from './helpers';

/** A fixed seed, so that `npm test` checks the same cases every time; the fuzz script draws new ones. */
const SEED = 8;

const cases = caseArbitrary(loadCorpus(ROOT), UNIT_SCALE);

suite('properties: never lose a word', () => {
  for (const property of PROPERTIES) {
    test(property.name, () => {
      fc.assert(
        fc.property(cases, (c) => property.check(c)),
        { numRuns: property.unitRuns, seed: SEED },
      );
    });
  }
});

suite('line diff of the property suite', () => {
  const every = { matters: (line: string) => line.trim() !== '', mayReplace: () => false };
  const lines = (text: string) => text.split('\n');

  test('a deleted line is lost; blank lines and lines that do not matter are not', () => {
    assert.deepEqual(lostLines(lines('a\n\nb\nc'), lines('a\nc'), every), ['b']);
    assert.deepEqual(lostLines(lines('a\nplaceholder\nc'), lines('a\nc'), { ...every, matters: (line) => line !== 'placeholder' }), []);
  });

  test('a moved line is kept, and inserting lines loses nothing', () => {
    assert.deepEqual(lostLines(lines('## B\nb\n## A\na'), lines('## A\na\n\n## B\nb'), every), []);
    assert.deepEqual(lostLines(lines('x\ny'), lines('x\nnew\nnew\ny'), every), []);
  });

  test('a line rewritten in place counts only when allowed and when it keeps its markup', () => {
    const rename = [lines('# T\n## Executiv Summary\ntext'), lines('# T\n## Executive Summary\ntext')] as const;
    assert.deepEqual(lostLines(...rename, every), ['## Executiv Summary']);
    assert.deepEqual(lostLines(...rename, { ...every, mayReplace: () => true }), []);
    assert.deepEqual(lostLines(lines('a\n- item\nb'), lines('a\nN/A\nb'), { ...every, mayReplace: () => true }), ['- item']);
  });

  test('with renamed headings allowed, a heading renamed and moved is kept, but a heading dropped is lost', () => {
    const renames = { ...every, mayReplace: () => true, renamesHeadings: true };
    assert.deepEqual(lostLines(lines('## R\nr\n# esponse\ntext'), lines('# Response Actions\ntext\n## R\nr'), renames), []);
    assert.deepEqual(lostLines(lines('## R\nr\nverview\n=\ntext'), lines('Executive Summary\n=\ntext\n## R\nr'), renames), []);
    assert.deepEqual(lostLines(lines('## A\na\n## B\nb'), lines('## A\na\nb'), renames), ['## B']);
  });

  test('a line both rewritten and moved counts when the text is mostly the same', () => {
    const allowed = { ...every, mayReplace: () => true };
    assert.deepEqual(lostLines(lines('## R\nr\nExecutiv Summary\n---\ns'), lines('Executive Summary\n---\ns\n## R\nr'), allowed), []);
    assert.deepEqual(lostLines(lines('## R\nr\nsecret words\ns'), lines('s\nother text\n## R\nr'), allowed), ['secret words']);
  });
});
