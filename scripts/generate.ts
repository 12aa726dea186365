// Writes the generated files: schemas/*.json from the zod schemas and snippets/ from the security template (`npm run generate`).
import { writeFileSync } from 'node:fs';
import { generatedFiles } from '../src/core/generated';

for (const [path, content] of Object.entries(generatedFiles())) {
  writeFileSync(path, content);
  console.log(path);
}
