// The properties of issue 8 on a few hundred generated documents each (`npm run fuzz -- --runs N` runs them on more).
import fc from 'fast-check';
import { loadCorpus } from '../property/corpus';
import { UNIT_SCALE } from '../property/generators';
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
