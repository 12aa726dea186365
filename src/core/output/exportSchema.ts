import * as z from 'zod/mini';
import { PRECISIONS } from '../parse/dates';
import { REPORT_KINDS } from '../parse/frontMatterValues';
import { exportedAttackSchema, exportedIndicatorSchema } from './securityExport';

const lineNumber = z.int().check(z.minimum(1));
const instant = z.nullable(z.iso.datetime());
const precision = z.nullable(z.enum(PRECISIONS));

const exportedDiagnosticSchema = z.strictObject({
  rule: z.string().check(z.describe('Rule id, e.g. "section.missing".')),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  line: lineNumber.check(z.describe('1-based line where the problem starts.')),
  column: lineNumber.check(z.describe('1-based column (in UTF-16 code units) where the problem starts.')),
  endLine: lineNumber,
  endColumn: lineNumber.check(z.describe('1-based column just past the end; equal to `column` on `endLine` for an insertion point.')),
});
export type ExportedDiagnostic = z.infer<typeof exportedDiagnosticSchema>;

const exportedSectionSchema = z.strictObject({
  title: z.string().check(z.describe("The template's title for a template section, else the heading as written.")),
  level: z.int().check(z.minimum(1), z.maximum(6), z.describe('Heading level; for a missing section, the level it would be inserted with.')),
  line: lineNumber.check(z.describe('1-based line of the heading; for a missing section, the line it would be inserted at.')),
  state: z.enum(['filled', 'empty', 'not-applicable', 'missing']),
});

export const reportExportSchema = z.strictObject({
  file: z.string().check(z.describe('Path of the report as given or found, relative to the current folder.')),
  kind: z.nullable(z.enum(REPORT_KINDS)).check(z.describe('Security or operational incident, as declared or inferred.')),
  template: z.string().check(z.describe('Id of the template the report was checked against.')),
  frontMatter: z.nullable(z.record(z.string(), z.unknown())).check(z.describe('The YAML front matter as read (valid or not), or null without one.')),
  fields: z
    .record(z.string(), z.string())
    .check(
      z.describe(
        'Template fields present in the report, by field name. A name the template uses in several sections is prefixed with its section title: "<section> > <field>".',
      ),
    ),
  sections: z.array(exportedSectionSchema).check(z.describe('Every section of the report and every missing template section, in document order.')),
  timeline: z
    .strictObject({
      events: z.array(
        z.strictObject({
          at: instant.check(
            z.describe('ISO 8601 instant in UTC: the first instant the date can mean (the midnight starting a day, in the report\'s zone), or null for an undated event.'),
          ),
          end: instant.check(z.describe('Start of the end of a date range, else null.')),
          precision: precision.check(z.describe('How finely the date is written: a "day" stands for the whole day in the report\'s zone. Null when undated.')),
          text: z.string(),
          phase: z.nullable(z.string()),
          line: lineNumber,
        }),
      ),
      metrics: z
        .strictObject({
          timeToDetectSeconds: z.nullable(z.number()),
          timeToContainSeconds: z.nullable(z.number()),
          timeToRecoverSeconds: z.nullable(z.number()),
          precision: z
            .strictObject({ timeToDetect: precision, timeToContain: precision, timeToRecover: precision })
            .check(z.describe('How finely each metric is known: the coarser precision of the two dates it is measured between; null when the metric is null.')),
        })
        .check(z.describe('Seconds between the starts of the two dates\' intervals; null when a date is missing.')),
    })
    .check(z.describe('Events sorted by time, undated ones last.')),
  attack: z.array(exportedAttackSchema).check(z.describe('Every ATT&CK technique, sub-technique and tactic ID cited in the report, in text order.')),
  indicators: z.array(exportedIndicatorSchema).check(z.describe('Every indicator written anywhere in the report (front matter aside), in text order.')),
  diagnostics: z.array(exportedDiagnosticSchema),
}).check(z.describe('An incident report as `incident-report export` prints it.'));
export type ReportExport = z.infer<typeof reportExportSchema>;

export const lintOutputSchema = z.strictObject({
  files: z.array(
    z.strictObject({
      file: z.string(),
      kind: z.nullable(z.enum(REPORT_KINDS)).check(z.describe('Null for a configuration or template file.')),
      diagnostics: z.array(exportedDiagnosticSchema),
    }),
  ),
}).check(z.describe('What `incident-report lint --format json` prints.'));
export type LintOutput = z.infer<typeof lintOutputSchema>;
export type LintedFile = LintOutput['files'][number];
