import { jsonSchemas } from './jsonSchemas';
import { BUILTIN_TEMPLATES } from './templates/registry';
import { reportSnippets } from './templates/snippets';

/** Files generated from the core's own definitions, by path relative to the project root. A test fails when a committed copy differs. */
export function generatedFiles(): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(jsonSchemas())) files[`schemas/${name}`] = json(schema);
  files['snippets/incident-report.code-snippets'] = json(reportSnippets(BUILTIN_TEMPLATES[0].template));
  return files;
}
