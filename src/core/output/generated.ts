import { jsonSchemas } from './jsonSchemas';
import { RULE_IDS, SEVERITY_SETTINGS } from '../diagnostics';
import { builtinTemplates } from '../template/registry';
import { reportSnippets } from '../template/snippets';

/**
 * Files generated from the core's own definitions, by path relative to the project root. A test fails when a
 * committed copy differs. `read` gives the committed text of a file that is only partly generated (the manifest).
 */
export function generatedFiles(read: (path: string) => string): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(jsonSchemas())) files[`schemas/${name}`] = json(schema);
  files['snippets/incident-report.code-snippets'] = json(reportSnippets(builtinTemplates()[0].template));
  files['package.json'] = json(withRuleSettings(JSON.parse(read('package.json'))));
  return files;
}

/** The manifest with `incidentReport.rules` listing every rule of the catalog, so settings complete and validate them. */
function withRuleSettings(manifest: { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } }): unknown {
  const rules = manifest.contributes.configuration.properties['incidentReport.rules'];
  rules.properties = Object.fromEntries(RULE_IDS.map((id) => [id, { type: 'string', enum: [...SEVERITY_SETTINGS] }]));
  return manifest;
}
