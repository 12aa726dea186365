// Writes the generated files (`npm run generate`): schemas/*.json from the zod schemas, snippets/ from the security
// template, and the rule list of the `incidentReport.rules` setting in package.json from the rule catalog.
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedFiles } from '../src/core/output/generated';

for (const [path, content] of Object.entries(generatedFiles((file) => readFileSync(file, 'utf8')))) {
  writeFileSync(path, content);
  console.log(path);
}
