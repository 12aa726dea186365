import { z } from 'zod';
import { PRECISIONS } from '../parse/dates';
import { REPORT_KINDS } from '../parse/frontMatterValues';
import { exportedAttackSchema, exportedIndicatorSchema } from './securityExport';

const lineNumber = z.number().int().min(1);
const instant = z.iso.datetime().nullable();
const precision = z.enum(PRECISIONS).nullable();

const exportedDiagnosticSchema = z
  .object({
    rule: z.string().describe('Rule id, e.g. "section.missing".'),
    severity: z.enum(['error', 'warning', 'information', 'hint']),
    message: z.string(),
    line: lineNumber.describe('1-based line where the problem starts.'),
    column: lineNumber.describe('1-based column (in UTF-16 code units) where the problem starts.'),
    endLine: lineNumber,
    endColumn: lineNumber.describe('1-based column just past the end; equal to `column` on `endLine` for an insertion point.'),
  })
  .strict();
export type ExportedDiagnostic = z.infer<typeof exportedDiagnosticSchema>;

const exportedSectionSchema = z
  .object({
    title: z.string().describe("The template's title for a template section, else the heading as written."),
    level: z.number().int().min(1).max(6).describe('Heading level; for a missing section, the level it would be inserted with.'),
    line: lineNumber.describe('1-based line of the heading; for a missing section, the line it would be inserted at.'),
    state: z.enum(['filled', 'empty', 'not-applicable', 'missing']),
  })
  .strict();

export const reportExportSchema = z
  .object({
    file: z.string().describe('Path of the report as given or found, relative to the current folder.'),
    kind: z.enum(REPORT_KINDS).nullable().describe('Security or operational incident, as declared or inferred.'),
    template: z.string().describe('Id of the template the report was checked against.'),
    frontMatter: z.record(z.string(), z.unknown()).nullable().describe('The YAML front matter as read (valid or not), or null without one.'),
    fields: z
      .record(z.string(), z.string())
      .describe(
        'Template fields present in the report, by field name. A name the template uses in several sections is prefixed with its section title: "<section> > <field>".',
      ),
    sections: z.array(exportedSectionSchema).describe('Every section of the report and every missing template section, in document order.'),
    timeline: z
      .object({
        events: z.array(
          z
            .object({
              at: instant.describe('ISO 8601 instant in UTC: the first instant the date can mean (the midnight starting a day, in the report\'s zone), or null for an undated event.'),
              end: instant.describe('Start of the end of a date range, else null.'),
              precision: precision.describe('How finely the date is written: a "day" stands for the whole day in the report\'s zone. Null when undated.'),
              text: z.string(),
              phase: z.string().nullable(),
              line: lineNumber,
            })
            .strict(),
        ),
        metrics: z
          .object({
            timeToDetectSeconds: z.number().nullable(),
            timeToContainSeconds: z.number().nullable(),
            timeToRecoverSeconds: z.number().nullable(),
            precision: z
              .object({ timeToDetect: precision, timeToContain: precision, timeToRecover: precision })
              .strict()
              .describe('How finely each metric is known: the coarser precision of the two dates it is measured between; null when the metric is null.'),
          })
          .strict()
          .describe('Seconds between the starts of the two dates\' intervals; null when a date is missing.'),
      })
      .strict()
      .describe('Events sorted by time, undated ones last.'),
    attack: z.array(exportedAttackSchema).describe('Every ATT&CK technique, sub-technique and tactic ID cited in the report, in text order.'),
    indicators: z.array(exportedIndicatorSchema).describe('Every indicator written anywhere in the report (front matter aside), in text order.'),
    diagnostics: z.array(exportedDiagnosticSchema),
  })
  .strict()
  .describe('An incident report as `incident-report export` prints it.');
export type ReportExport = z.infer<typeof reportExportSchema>;

export const lintOutputSchema = z
  .object({
    files: z.array(
      z
        .object({
          file: z.string(),
          kind: z.enum(REPORT_KINDS).nullable().describe('Null for a configuration or template file.'),
          diagnostics: z.array(exportedDiagnosticSchema),
        })
        .strict(),
    ),
  })
  .strict()
  .describe('What `incident-report lint --format json` prints.');
export type LintOutput = z.infer<typeof lintOutputSchema>;
export type LintedFile = LintOutput['files'][number];
