import { isNotApplicable } from '../parse/notApplicable';
import type { FieldLine, ParsedReport, Section } from '../parse/report';
import type { FieldRole, Template, TemplateField, TemplateSection } from './schema';
import { editDistance, normalizeTitle } from '../text/words';

/** A template section and where (if anywhere) the report has it. */
export interface SectionMatch {
  readonly template: TemplateSection;
  readonly parent: SectionMatch | null;
  /** Position among its siblings in the template. */
  readonly index: number;
  /** The first heading that matches, or null when the section is missing. */
  readonly section: Section | null;
  /** Further headings that match the same template section. */
  readonly duplicates: Section[];
  readonly children: SectionMatch[];
  /** Inherited: a subsection of an attack-specific section is attack-specific too. */
  readonly attackSpecific: boolean;
}

/** A heading that matches no template section, with the closest one when it looks like a misspelling. */
interface UnmatchedHeading {
  readonly section: Section;
  readonly parent: SectionMatch | null;
  readonly suggestion: TemplateSection | null;
}

export interface ReportMatch {
  readonly sections: SectionMatch[];
  readonly unmatched: UnmatchedHeading[];
  /** Every template section, depth first in template order. */
  readonly all: SectionMatch[];
}

export type SectionState = 'filled' | 'empty' | 'not-applicable' | 'missing';

const normalizedNames = new WeakMap<TemplateSection | TemplateField, ReadonlySet<string>>();

/** The normalised names (`normalizeTitle`) a heading or field label may give this template section or field: its title and aliases. */
function namesOf(template: TemplateSection | TemplateField): ReadonlySet<string> {
  let names = normalizedNames.get(template);
  if (!names) {
    const all = 'title' in template ? [template.title, ...(template.aliases ?? [])] : [template.name, ...(template.aliases ?? [])];
    normalizedNames.set(template, (names = new Set(all.map(normalizeTitle))));
  }
  return names;
}

export function matchTemplate(report: ParsedReport, template: Template): ReportMatch {
  const all: SectionMatch[] = [];
  const unmatched: UnmatchedHeading[] = [];

  const matchLevel = (templates: readonly TemplateSection[], present: readonly Section[], parent: SectionMatch | null): SectionMatch[] => {
    const claimed = new Set<Section>();
    const titles = present.map((section) => normalizeTitle(section.heading.title));
    const matches = templates.map((templateSection, index) => {
      const names = namesOf(templateSection);
      const found = present.filter((section, i) => !claimed.has(section) && names.has(titles[i]));
      found.forEach((section) => claimed.add(section));
      const match: SectionMatch = {
        template: templateSection,
        parent,
        index,
        section: found[0] ?? null,
        duplicates: found.slice(1),
        children: [],
        attackSpecific: templateSection.attackSpecific || (parent?.attackSpecific ?? false),
      };
      all.push(match);
      const childSections = found.flatMap((section) => section.children);
      match.children.push(...matchLevel(templateSection.sections, childSections, match));
      return match;
    });
    for (const section of present) {
      if (!claimed.has(section)) unmatched.push({ section, parent, suggestion: closestTemplateSection(templates, section.heading.title) });
    }
    return matches;
  };

  const sections = matchLevel(template.sections, report.sections, null);
  return { sections, unmatched, all };
}

/** The template section a heading was probably meant to be: within a few edits of its title or an alias. */
function closestTemplateSection(templates: readonly TemplateSection[], title: string): TemplateSection | null {
  const wanted = normalizeTitle(title);
  let best: { section: TemplateSection; distance: number } | null = null;
  for (const section of templates) {
    for (const name of [section.title, ...(section.aliases ?? [])]) {
      const candidate = normalizeTitle(name);
      const limit = Math.max(1, Math.min(4, Math.floor(candidate.length / 4)));
      const distance = editDistance(wanted, candidate, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { section, distance };
    }
  }
  return best?.section ?? null;
}

export interface FieldMatch {
  readonly template: TemplateField;
  readonly field: FieldLine | null;
}

/** The template's fields in a section; plain `Name: value` lines count only when the template names them. */
export function matchFields(section: Section, template: TemplateSection): FieldMatch[] {
  const labels = section.fields.map((field) => normalizeTitle(field.name));
  return template.fields.map((templateField) => {
    const names = namesOf(templateField);
    const found = labels.findIndex((label) => names.has(label));
    return { template: templateField, field: found === -1 ? null : section.fields[found] };
  });
}

/** The first field the report writes with this role, in template order; null when it writes none. */
export function fieldWithRole(match: ReportMatch, role: FieldRole): { readonly template: TemplateField; readonly field: FieldLine } | null {
  for (const m of match.all) {
    if (!m.section) continue;
    const found = matchFields(m.section, m.template).find(({ template, field }) => template.role === role && field);
    if (found?.field) return { template: found.template, field: found.field };
  }
  return null;
}

/** Empty: nothing but comments and no subsections. N/A: its first paragraph says so, or every field does. */
export function sectionState(section: Section | null): SectionState {
  if (!section) return 'missing';
  const content = section.blocks.filter((block) => !(block.type === 'html_block' && /^\s*<!--[\s\S]*-->\s*$/.test(block.text)));
  if (content.length === 0) return section.children.length > 0 ? 'filled' : 'empty';
  const firstLine = section.lines[0];
  if (firstLine && firstLine.line === content[0].startLine && !section.fields.some((field) => field.line === firstLine.line) && isNotApplicable(firstLine.text)) {
    return 'not-applicable';
  }
  if (section.fields.length > 0 && section.fields.length === section.lines.length && section.fields.every((field) => isNotApplicable(field.value))) {
    return 'not-applicable';
  }
  return 'filled';
}
