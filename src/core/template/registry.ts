import type { ReportKind } from '../types';
import operationalOutage from './builtin/operational-outage.yaml';
import securityIncident from './builtin/security-incident.yaml';
import srePostmortem from './builtin/sre-postmortem.yaml';
import { resolveTemplates, type LoadedTemplate, type TemplateSource } from './resolve';
import { templateFileSchema, type Template } from './schema';

let builtins: readonly LoadedTemplate[] | undefined;

/**
 * The built-in templates, read on first use. The bundles hold each file's data, its YAML parsed at build time (see
 * esbuild.mjs); the unit tests hold that data to what `parseTemplateFile` makes of the files. A problem in one is a bug
 * of this project, so it throws.
 */
export function builtinTemplates(): readonly LoadedTemplate[] {
  if (!builtins) {
    const sources = [securityIncident, operationalOutage, srePostmortem].map((data): TemplateSource => ({ file: templateFileSchema.parse(data), source: 'builtin' }));
    const { templates, problems } = resolveTemplates(sources, []);
    if (problems.length > 0) throw new Error(`A built-in template is invalid: ${problems.map((p) => p.diagnostic.message).join('; ')}`);
    builtins = templates;
  }
  return builtins;
}

const DEFAULT_FOR_KIND: Record<ReportKind, string> = { security: 'security-incident', operational: 'operational-outage' };

/** Built-in templates plus the workspace's own (resolved); a workspace template with a built-in's id replaces it. */
export class TemplateRegistry {
  private readonly byId = new Map<string, LoadedTemplate>();

  constructor(workspaceTemplates: readonly LoadedTemplate[] = []) {
    for (const loaded of [...builtinTemplates(), ...workspaceTemplates]) this.byId.set(loaded.template.id, loaded);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id)?.template;
  }

  list(): LoadedTemplate[] {
    return [...this.byId.values()];
  }

  forKind(kind: ReportKind): Template {
    return this.get(DEFAULT_FOR_KIND[kind]) ?? builtinTemplates().find((loaded) => loaded.template.kind === kind)!.template;
  }
}
