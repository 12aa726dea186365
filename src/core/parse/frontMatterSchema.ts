import * as z from 'zod/mini';
import { REPORT_KINDS, SEVERITY_LEVELS } from './frontMatterValues';
import { isIanaTimeZone } from './zones';

/** Traffic Light Protocol 2.0 labels (FIRST, 2022). */
export const TLP_LEVELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
/** TLP 1.0 names that TLP 2.0 renamed. */
export const TLP_RENAMED: Readonly<Record<string, string>> = { 'TLP:WHITE': 'TLP:CLEAR' };
const REPORT_STATUSES = ['draft', 'in-review', 'final'] as const;

export const frontMatterSchema = z.strictObject({
  kind: z.optional(z.enum(REPORT_KINDS)).check(z.describe('Security incident (an adversary) or operational incident (an outage).')),
  template: z.optional(z.string().check(z.minLength(1))).check(z.describe('Id of the template the report follows.')),
  status: z.optional(z.enum(REPORT_STATUSES)).check(z.describe('Review state of the report.')),
  severity: z.optional(z.enum(SEVERITY_LEVELS)).check(z.describe('Incident severity.')),
  tlp: z.optional(z.enum(TLP_LEVELS)).check(z.describe('Traffic Light Protocol 2.0 label for sharing the report.')),
  timezone: z
    .optional(z.string().check(z.refine(isIanaTimeZone, { message: 'Not an IANA time zone name (e.g. "UTC", "Europe/Zurich")' })))
    .check(z.describe('IANA time zone that times without a zone are read in (default UTC).')),
  id: z.optional(z.union([z.string(), z.number()])).check(z.describe('Identifier of the incident, e.g. INC-2024-017.')),
  authors: z.optional(z.array(z.string())).check(z.describe('Who wrote the report.')),
  tags: z.optional(z.array(z.string())).check(z.describe('Free-form tags.')),
}).check(z.describe('Front matter of an incident report.'));
export type FrontMatterData = z.infer<typeof frontMatterSchema>;
