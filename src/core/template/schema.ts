import * as z from 'zod/mini';
import { REPORT_KINDS } from '../parse/frontMatterValues';

/** What a section is for: the engine finds the timeline, the dates, the response steps … by these, never by title. */
const SECTION_ROLES = {
  summary: 'The summary: what happened, to whom, where things stand.',
  details: 'The key facts of the incident, with its dates.',
  timeline: 'The chronology: dated lines, tables, dated sub-headings and the phases beneath it.',
  'attack-phase': 'A phase of the attack (how the attacker got in, how they moved), usually a subsection of the timeline.',
  'impact-phase': 'The phase where the incident did its damage (exfiltration, the outage itself).',
  'detection-phase': 'The phase where the incident was detected and the response began.',
  'response-phase': 'A phase of the response inside the timeline.',
  methodology: 'How the attack worked: techniques and tactics.',
  impact: 'The assessment of the impact.',
  indicators: 'The indicators of the attack: addresses, domains, hashes.',
  response: 'The response work; its dated lines are containment or recovery steps by their words.',
  containment: 'Containment steps: their dated lines count for the time to contain.',
  eradication: 'Steps that removed the cause.',
  recovery: 'Recovery steps: their dated lines count for the time to recover.',
  lessons: 'What the incident taught.',
  actions: 'Recommendations and the work that follows, with owners and due dates.',
} as const;
export type SectionRole = keyof typeof SECTION_ROLES;

/** What a field is for. */
const FIELD_ROLES = {
  'incident-start': 'When the incident began: time to detect, contain and recover are measured from it.',
  discovery: 'When the incident was discovered: the end of the time to detect.',
  'event-time': 'The date and time of the phase the field stands in.',
  containment: 'The lines of this field are containment steps.',
  eradication: 'The lines of this field are steps that removed the cause.',
  recovery: 'The lines (or the date) of this field are recovery steps.',
  organization: 'The organisation affected.',
  severity: 'The severity of the incident.',
} as const;
export type FieldRole = keyof typeof FIELD_ROLES;

const FIELD_TYPES = ['text', 'date', 'enum'] as const;

/** An enum of role names, each documented, so that the YAML extension completes and explains them. */
function roleSchema<R extends string>(roles: Readonly<Record<R, string>>, what: string) {
  const names = Object.keys(roles) as [R, ...R[]];
  return z.enum(names).check(z.meta({ description: what, markdownEnumDescriptions: names.map((name) => roles[name]) }));
}

const names = z.array(z.string().check(z.minLength(1)));

// The file schemas leave every property but the names optional and give no defaults: a template that `extends`
// another overrides only what it writes. Defaults are applied when the template is resolved.

const templateFieldFileSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.describe('Field label as written in `- **Name:** value`.')),
  aliases: z.optional(names).check(z.describe('Other labels accepted for this field.')),
  type: z.optional(z.enum(FIELD_TYPES)).check(z.describe('How the value is checked (default text).')),
  values: z.optional(names.check(z.minLength(1))).check(z.describe('Allowed values of an enum field.')),
  required: z.optional(z.boolean()).check(z.describe('Reported when missing or empty (default false).')),
  placeholder: z.optional(z.string()).check(z.describe('Text a new report starts with; flagged while it is left in.')),
  role: z.optional(roleSchema(FIELD_ROLES, 'What the field is for: the timeline and the metrics read dates and steps by role.')),
});

export interface TemplateSectionFile {
  title: string;
  aliases?: string[];
  role?: SectionRole;
  required?: boolean;
  attackSpecific?: boolean;
  placeholder?: string;
  fields?: z.input<typeof templateFieldFileSchema>[];
  sections?: TemplateSectionFile[];
}

const templateSectionFileSchema: z.ZodMiniType<TemplateSectionFile> = z.strictObject({
  title: z.string().check(z.minLength(1), z.describe('Heading text. In a template that `extends` another, a title of the base overrides that section.')),
  aliases: z.optional(names).check(z.describe('Other headings accepted for this section.')),
  role: z.optional(roleSchema(SECTION_ROLES, 'What the section is for: the timeline, the metrics, the N/A commands and the exports find sections by role.')),
  required: z.optional(z.boolean()).check(z.describe('Reported when missing (default false).')),
  attackSpecific: z.optional(z.boolean()).check(z.describe('N/A is expected here for an operational incident (default false).')),
  placeholder: z.optional(z.string()).check(z.describe('Text a new report starts with; flagged while it is left in.')),
  fields: z
    .optional(z.array(templateFieldFileSchema))
    .check(z.describe('Field lines `- **Name:** value`; in a template that `extends` another, a name of the base overrides that field.')),
  get sections() {
    return z.optional(z.array(templateSectionFileSchema)).check(z.describe('Subsections, one heading level deeper.'));
  },
});

export const templateFileSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes'), z.describe('Id used in front matter `template:`.')),
    extends: z
      .optional(z.string().check(z.minLength(1)))
      .check(z.describe('Id of a template to start from: its sections, overridden or added to by the sections here.')),
    name: z.optional(z.string().check(z.minLength(1))).check(z.describe('Name shown in the template picker (required without `extends`).')),
    description: z.optional(z.string()),
    kind: z.optional(z.enum(REPORT_KINDS)).check(z.describe('Kind of incident the template is for (required without `extends`).')),
    title: z.optional(z.string()).check(z.describe('First heading; {title} is replaced by the report title (default "Incident Report: {title}").')),
    sections: z.optional(z.array(templateSectionFileSchema)).check(z.describe('The sections, in order (required without `extends`).')),
  })
  .check(
    z.superRefine((file, context) => {
      if (file.extends) return;
      for (const key of ['name', 'kind', 'sections'] as const) {
        if (file[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `"${key}" is required in a template that does not extend another` });
      }
    }),
    z.describe('An Incident Report Studio template.'),
  );
export type TemplateFile = z.output<typeof templateFileSchema>;

export interface TemplateField {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: (typeof FIELD_TYPES)[number];
  readonly values?: readonly string[];
  readonly required: boolean;
  readonly placeholder?: string;
  readonly role?: FieldRole;
}

export interface TemplateSection {
  readonly title: string;
  readonly aliases: readonly string[];
  readonly role?: SectionRole;
  readonly required: boolean;
  readonly attackSpecific: boolean;
  readonly placeholder?: string;
  readonly fields: readonly TemplateField[];
  readonly sections: readonly TemplateSection[];
}

/** A template with its base applied and every default filled in: what the engine works with. */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly kind: (typeof REPORT_KINDS)[number];
  readonly title: string;
  readonly sections: readonly TemplateSection[];
}
