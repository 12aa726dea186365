import { diagnostic } from '../diagnostics';
import { normalizeTitle } from '../text/words';
import { templateSchema, type Template } from '../schemas';
import type { Diagnostic, ReportKind } from '../types';
import { parseYamlWithSchema } from '../parse/yamlDocument';
import operationalOutage from './builtin/operational-outage.yaml';
import securityIncident from './builtin/security-incident.yaml';

export interface LoadedTemplate {
  readonly template: Template;
  /** `builtin`, or the URI or path of the workspace file it came from. */
  readonly source: string;
}

export interface TemplateFileResult {
  readonly template: Template | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Reads a template file; every problem is a diagnostic on the exact YAML node. */
export function parseTemplateFile(text: string): TemplateFileResult {
  const parsed = parseYamlWithSchema(text, 0, templateSchema, { syntax: 'template.invalid', invalid: 'template.invalid', unknownKey: 'template.invalid' });
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data) diagnostics.push(...duplicateTitles(parsed.data, text));
  return { template: diagnostics.length === 0 ? parsed.data : undefined, diagnostics };
}

function duplicateTitles(template: Template, text: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (sections: Template['sections']) => {
    const seen = new Set<string>();
    for (const section of sections) {
      const names = new Map([section.title, ...(section.aliases ?? [])].map((name) => [normalizeTitle(name), name]));
      for (const [key, name] of names) {
        if (seen.has(key)) {
          const at = Math.max(0, text.indexOf(name));
          problems.push(diagnostic('template.invalid', { start: at, end: at + name.length }, `"${name}" names two sections at the same level`));
        }
        seen.add(key);
      }
      visit(section.sections);
    }
  };
  visit(template.sections);
  return problems;
}

function builtin(text: string): LoadedTemplate {
  const { template, diagnostics } = parseTemplateFile(text);
  if (!template) throw new Error(`Built-in template is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { template, source: 'builtin' };
}

export const BUILTIN_TEMPLATES: readonly LoadedTemplate[] = [builtin(securityIncident), builtin(operationalOutage)];

const DEFAULT_FOR_KIND: Record<ReportKind, string> = { security: 'security-incident', operational: 'operational-outage' };

/** Built-in templates plus the workspace's own; a workspace template with a built-in's id replaces it. */
export class TemplateRegistry {
  private readonly byId = new Map<string, LoadedTemplate>();

  constructor(workspaceTemplates: readonly LoadedTemplate[] = []) {
    for (const loaded of [...BUILTIN_TEMPLATES, ...workspaceTemplates]) this.byId.set(loaded.template.id, loaded);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id)?.template;
  }

  list(): LoadedTemplate[] {
    return [...this.byId.values()];
  }

  forKind(kind: ReportKind): Template {
    return this.get(DEFAULT_FOR_KIND[kind]) ?? BUILTIN_TEMPLATES.find((loaded) => loaded.template.kind === kind)!.template;
  }
}
