import { z } from 'zod';

export const TLP_LEVELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
/** TLP 1.0 names that TLP 2.0 renamed. */
export const TLP_RENAMED: Readonly<Record<string, string>> = { 'TLP:WHITE': 'TLP:CLEAR' };
export const SEVERITY_LEVELS = ['critical', 'high', 'medium', 'low', 'informational', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
export const REPORT_KINDS = ['security', 'operational'] as const;
export const REPORT_STATUSES = ['draft', 'in-review', 'final'] as const;
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;

const knownZones = new Map<string, boolean>();

/** Whether Intl knows the zone; remembered, because building a DateTimeFormat is slow. */
export function isIanaTimeZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(name, known);
  }
  return known;
}

export const frontMatterSchema = z
  .object({
    kind: z.enum(REPORT_KINDS).optional().describe('Security incident (an adversary) or operational incident (an outage).'),
    template: z.string().min(1).optional().describe('Id of the template the report follows.'),
    status: z.enum(REPORT_STATUSES).optional().describe('Review state of the report.'),
    severity: z.enum(SEVERITY_LEVELS).optional().describe('Incident severity.'),
    tlp: z.enum(TLP_LEVELS).optional().describe('Traffic Light Protocol 2.0 label for sharing the report.'),
    timezone: z
      .string()
      .refine(isIanaTimeZone, { message: 'Not an IANA time zone name (e.g. "UTC", "Europe/Zurich")' })
      .optional()
      .describe('IANA time zone that times without a zone are read in (default UTC).'),
    id: z.union([z.string(), z.number()]).optional().describe('Identifier of the incident, e.g. INC-2024-017.'),
    authors: z.array(z.string()).optional().describe('Who wrote the report.'),
    tags: z.array(z.string()).optional().describe('Free-form tags.'),
  })
  .strict()
  .describe('Front matter of an incident report.');
export type FrontMatterData = z.infer<typeof frontMatterSchema>;

export const templateFieldSchema = z
  .object({
    name: z.string().min(1).describe('Field label as written in `- **Name:** value`.'),
    aliases: z.array(z.string().min(1)).optional().describe('Other labels accepted for this field.'),
    type: z.enum(['text', 'date', 'enum']).default('text').describe('How the value is checked.'),
    values: z.array(z.string().min(1)).min(1).optional().describe('Allowed values of an enum field.'),
    required: z.boolean().default(false),
    placeholder: z.string().optional().describe('Text a new report starts with; flagged while it is left in.'),
  })
  .strict()
  .refine((field) => field.type !== 'enum' || field.values !== undefined, {
    message: 'An enum field needs "values"',
    path: ['values'],
  });

export interface TemplateSectionInput {
  title: string;
  aliases?: string[];
  required?: boolean;
  attackSpecific?: boolean;
  placeholder?: string;
  fields?: z.input<typeof templateFieldSchema>[];
  sections?: TemplateSectionInput[];
}

export const templateSectionSchema = z
  .object({
    title: z.string().min(1).describe('Heading text.'),
    aliases: z.array(z.string().min(1)).optional().describe('Other headings accepted for this section.'),
    required: z.boolean().default(false),
    attackSpecific: z.boolean().default(false).describe('N/A is expected here for an operational incident.'),
    placeholder: z.string().optional().describe('Text a new report starts with; flagged while it is left in.'),
    fields: z.array(templateFieldSchema).default([]),
    get sections() {
      return z.array(templateSectionSchema).default([]).describe('Subsections, one heading level deeper.');
    },
  })
  .strict();

export const templateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes')
      .describe('Id used in front matter `template:`.'),
    name: z.string().min(1).describe('Name shown in the template picker.'),
    description: z.string().optional(),
    kind: z.enum(REPORT_KINDS).describe('Kind of incident the template is for.'),
    title: z.string().default('Incident Report: {title}').describe('First heading; {title} is replaced by the report title.'),
    sections: z.array(templateSectionSchema).min(1),
  })
  .strict()
  .describe('An Incident Report Studio template.');
export type Template = z.output<typeof templateSchema>;
export type TemplateSection = z.output<typeof templateSectionSchema>;
export type TemplateField = z.output<typeof templateFieldSchema>;

export const configSchema = z
  .object({
    rules: z
      .record(z.string(), z.enum(SEVERITY_SETTINGS))
      .optional()
      .describe('Severity of each rule by id, or "off".'),
    templates: z.string().optional().describe('Folder of workspace templates, relative to the workspace root.'),
    files: z.array(z.string()).optional().describe('Globs of Markdown files that are reports.'),
    folder: z.string().optional().describe('Folder new reports are created in.'),
  })
  .strict()
  .describe('Incident Report Studio configuration (.incident-report.yaml).');
export type ConfigFile = z.infer<typeof configSchema>;
