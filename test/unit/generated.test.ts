import * as assert from 'node:assert/strict';
import { generatedFiles } from '../../src/core/output/generated';
import { readProjectFile } from './helpers';

suite('generated files', () => {
  for (const [path, content] of Object.entries(generatedFiles(readProjectFile))) {
    test(`${path} matches what the core generates (run "npm run generate" after changing a schema, a template or the rule catalog)`, () => {
      assert.equal(readProjectFile(path), content);
    });
  }
});
