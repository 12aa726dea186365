import { z } from 'zod';
import { REPORT_KINDS, SEVERITY_LEVELS } from './frontMatterValues';
import { isIanaTimeZone } from './zones';

/** Traffic Light Protocol 2.0 labels (FIRST, 2022). */
export const TLP_LEVELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
/** TLP 1.0 names that TLP 2.0 renamed. */
export const TLP_RENAMED: Readonly<Record<string, string>> = { 'TLP:WHITE': 'TLP:CLEAR' };
const REPORT_STATUSES = ['draft', 'in-review', 'final'] as const;

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
