// The "attack" and "indicators" fields of the `export` JSON (schemas/report.schema.json): zod schemas to add to the
// report export's schema, and the functions that fill them from the security checks.
import * as z from 'zod/mini';
import { ATTACK_STATUSES, type AttackCheck } from '../security/attack';
import { INDICATOR_TYPES, type Indicator } from '../security/indicators';

const lineNumber = z.int().check(z.minimum(1));

export const exportedAttackSchema = z.strictObject({
  id: z.string().check(z.describe('Technique, sub-technique or tactic ID as cited, e.g. "T1566.001".')),
  name: z.nullable(z.string()).check(z.describe("ATT&CK's name for it, or null for an unknown ID.")),
  tactics: z.array(z.string()).check(z.describe('Shortnames of its tactics, e.g. "initial-access".')),
  line: lineNumber.check(z.describe('1-based line where it is cited.')),
  status: z.enum(ATTACK_STATUSES).check(z.describe('Whether ATT&CK knows the ID, and whether it is revoked or deprecated.')),
});
export type ExportedAttack = z.infer<typeof exportedAttackSchema>;

export const exportedIndicatorSchema = z.strictObject({
  type: z.enum(INDICATOR_TYPES),
  value: z.string().check(z.describe('Refanged: "https://evil.example.com/", never "hxxps://evil[.]example[.]com/". CVE IDs in capitals.')),
  defanged: z.boolean().check(z.describe('Whether the report writes it defanged.')),
  line: lineNumber.check(z.describe('1-based line where it is written.')),
});
export type ExportedIndicator = z.infer<typeof exportedIndicatorSchema>;

/** One entry per citation, in text order; `lineOf` gives the 1-based line of an offset. */
export function exportAttack(checks: readonly AttackCheck[], lineOf: (offset: number) => number): ExportedAttack[] {
  return checks.map(({ reference, status, technique, tactic }) => ({
    id: reference.id,
    name: technique?.name ?? tactic?.name ?? null,
    tactics: technique ? [...technique.tactics] : tactic ? [tactic.shortname] : [],
    line: lineOf(reference.range.start),
    status,
  }));
}

export function exportIndicators(indicators: readonly Indicator[], lineOf: (offset: number) => number): ExportedIndicator[] {
  return indicators.map(({ type, value, defanged, range }) => ({ type, value, defanged, line: lineOf(range.start) }));
}
