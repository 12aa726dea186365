import type { Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseYamlWithSchema } from '../parse/yamlDocument';
import { normalizeTitle } from '../text/words';
import type { Range } from '../types';
import { templateFileSchema, type TemplateFile, type TemplateSectionFile } from './schema';

/** A template file as written, before its base (`extends`) is applied. */
export interface ParsedTemplateFile {
  /** Undefined when the file has problems: it is not used until they are fixed. */
  readonly file: TemplateFile | undefined;
  readonly diagnostics: Diagnostic[];
  /** Where the `extends` value stands, for problems with the base. */
  readonly extendsRange: Range | undefined;
}

/** Reads a template file; every problem is a diagnostic on the exact YAML node. */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  const parsed = parseYamlWithSchema(text, 0, templateFileSchema, { syntax: 'template.invalid', invalid: 'template.invalid', unknownKey: 'template.invalid' });
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data) diagnostics.push(...duplicateTitles(parsed.data.sections ?? [], text));
  if (parsed.data && !parsed.data.extends) diagnostics.push(...enumsWithoutValues(parsed.data.sections ?? [], parsed.document));
  const extendsNode = parsed.document.get('extends', true) as { range?: [number, number, number] } | undefined;
  return {
    file: diagnostics.length === 0 ? parsed.data : undefined,
    diagnostics,
    extendsRange: extendsNode?.range ? { start: extendsNode.range[0], end: extendsNode.range[1] } : undefined,
  };
}

/** Enum fields without \`values\` in a template that has no base to take them from, on the field's node. */
function enumsWithoutValues(sections: readonly TemplateSectionFile[], document: Document): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (siblings: readonly TemplateSectionFile[], path: (string | number)[]) => {
    siblings.forEach((section, index) => {
      (section.fields ?? []).forEach((field, fieldIndex) => {
        if (field.type !== 'enum' || field.values) return;
        const node = document.getIn([...path, index, 'fields', fieldIndex], true) as { range?: [number, number, number] } | undefined;
        const range = node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
        problems.push(diagnostic('template.invalid', range, `"${field.name}": an enum field needs "values"`));
      });
      visit(section.sections ?? [], [...path, index, 'sections']);
    });
  };
  visit(sections, ['sections']);
  return problems;
}

function duplicateTitles(sections: readonly TemplateSectionFile[], text: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (siblings: readonly TemplateSectionFile[]) => {
    const seen = new Set<string>();
    for (const section of siblings) {
      const names = new Map([section.title, ...(section.aliases ?? [])].map((name) => [normalizeTitle(name), name]));
      for (const [key, name] of names) {
        if (seen.has(key)) {
          const at = Math.max(0, text.indexOf(name));
          problems.push(diagnostic('template.invalid', { start: at, end: at + name.length }, `"${name}" names two sections at the same level`));
        }
        seen.add(key);
      }
      visit(section.sections ?? []);
    }
  };
  visit(sections);
  return problems;
}
