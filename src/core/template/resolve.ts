import { diagnostic, type Diagnostic } from '../diagnostics';
import { normalizeTitle } from '../text/words';
import type { Range } from '../types';
import type { Template, TemplateField, TemplateFile, TemplateSection, TemplateSectionFile } from './schema';

export interface LoadedTemplate {
  readonly template: Template;
  /** `builtin`, or the URI or path of the workspace file it came from. */
  readonly source: string;
}

/** A template file that parsed, with where it came from. */
export interface TemplateSource {
  readonly file: TemplateFile;
  readonly source: string;
  readonly extendsRange?: Range;
}

export interface TemplateProblem {
  readonly source: string;
  readonly diagnostic: Diagnostic;
}

const DEFAULT_TITLE = 'Incident Report: {title}';

/**
 * Applies each file's base (`extends`) and the defaults. A base is a template of `bases` or another file; a file
 * that extends its own id starts from the template of that id in `bases` (a workspace's own security-incident
 * can extend the built-in one). An unknown base, a cycle, or an enum field left without values is a problem on
 * the file, which is then not used.
 */
export function resolveTemplates(sources: readonly TemplateSource[], bases: readonly LoadedTemplate[]): { templates: LoadedTemplate[]; problems: TemplateProblem[] } {
  const files = new Map(sources.map((source) => [source.file.id, source]));
  const baseById = new Map(bases.map((loaded) => [loaded.template.id, loaded.template]));
  const resolved = new Map<string, Template | null>();
  const problems: TemplateProblem[] = [];

  const resolve = (id: string, chain: readonly string[]): Template | null => {
    if (resolved.has(id)) return resolved.get(id)!;
    const source = files.get(id);
    if (!source) return baseById.get(id) ?? null;
    const problem = (message: string) => {
      problems.push({ source: source.source, diagnostic: diagnostic('template.invalid', source.extendsRange ?? { start: 0, end: 0 }, message) });
      resolved.set(id, null);
      return null;
    };
    const baseId = source.file.extends;
    let base: Template | null = null;
    if (baseId !== undefined) {
      if (chain.includes(baseId)) return problem(`"extends" makes a cycle: ${[...chain, id, baseId].slice(chain.indexOf(baseId)).join(' → ')}`);
      base = baseId === id ? (baseById.get(id) ?? null) : resolve(baseId, [...chain, id]);
      if (!base) return problem(`"extends: ${baseId}" names no template${files.has(baseId) ? ' that can be used (it has problems of its own)' : ''}`);
    }
    const template = applyFile(source.file, base);
    const enumWithoutValues = allFields(template.sections).find((field) => field.type === 'enum' && !field.values);
    if (enumWithoutValues) return problem(`The enum field "${enumWithoutValues.name}" needs "values"`);
    resolved.set(id, template);
    return template;
  };

  const templates: LoadedTemplate[] = [];
  for (const source of sources) {
    const template = resolve(source.file.id, []);
    if (template) templates.push({ template, source: source.source });
  }
  return { templates, problems };
}

function applyFile(file: TemplateFile, base: Template | null): Template {
  return {
    id: file.id,
    name: file.name ?? base!.name,
    description: file.description ?? base?.description,
    kind: file.kind ?? base!.kind,
    title: file.title ?? base?.title ?? DEFAULT_TITLE,
    sections: mergeSections(base?.sections ?? [], file.sections ?? []),
  };
}

/** The base's sections with those the file names (by title or alias) overridden, and the file's others added after. */
function mergeSections(base: readonly TemplateSection[], overrides: readonly TemplateSectionFile[]): TemplateSection[] {
  const merged = [...base];
  for (const override of overrides) {
    const at = merged.findIndex((section) => names(section.title, section.aliases).has(normalizeTitle(override.title)));
    if (at === -1) merged.push(mergeSection(null, override));
    else merged[at] = mergeSection(merged[at], override);
  }
  return merged;
}

function mergeSection(base: TemplateSection | null, file: TemplateSectionFile): TemplateSection {
  return {
    title: file.title,
    aliases: file.aliases ?? base?.aliases ?? [],
    role: file.role ?? base?.role,
    required: file.required ?? base?.required ?? false,
    attackSpecific: file.attackSpecific ?? base?.attackSpecific ?? false,
    placeholder: file.placeholder ?? base?.placeholder,
    fields: mergeFields(base?.fields ?? [], file.fields ?? []),
    sections: mergeSections(base?.sections ?? [], file.sections ?? []),
  };
}

function mergeFields(base: readonly TemplateField[], overrides: NonNullable<TemplateSectionFile['fields']>): TemplateField[] {
  const merged = [...base];
  for (const file of overrides) {
    const at = merged.findIndex((field) => names(field.name, field.aliases).has(normalizeTitle(file.name)));
    const previous: TemplateField | undefined = merged[at];
    const field: TemplateField = {
      name: file.name,
      aliases: file.aliases ?? previous?.aliases ?? [],
      type: file.type ?? previous?.type ?? 'text',
      values: file.values ?? previous?.values,
      required: file.required ?? previous?.required ?? false,
      placeholder: file.placeholder ?? previous?.placeholder,
      role: file.role ?? previous?.role,
    };
    if (at === -1) merged.push(field);
    else merged[at] = field;
  }
  return merged;
}

function names(name: string, aliases: readonly string[]): Set<string> {
  return new Set([name, ...aliases].map(normalizeTitle));
}

function allFields(sections: readonly TemplateSection[]): TemplateField[] {
  return sections.flatMap((section) => [...section.fields, ...allFields(section.sections)]);
}
