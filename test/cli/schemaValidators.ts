import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJson, ROOT } from './helpers';

/** Real checks for the formats the schemas use, so that a malformed URI or date fails validation. */
const formats = {
  uri: (value: string) => URL.canParse(value),
  'uri-reference': (value: string) => URL.canParse(value, 'file:///base/'),
  'date-time': (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
};

/** The official OASIS SARIF 2.1.0 schema (draft-04), vendored in test/fixtures. */
export function sarifValidator() {
  return new AjvDraft04({ allErrors: true, strict: false, formats }).compile(readJson(join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json')) as object);
}

/** schemas/report.schema.json (draft-07), as shipped. */
export function reportValidator() {
  return new Ajv({ allErrors: true, strict: true, formats }).compile(readJson(join(ROOT, 'schemas', 'report.schema.json')) as object);
}

const SCHEMAS = join(ROOT, 'test', 'fixtures', 'stix2.1');

/** The official OASIS STIX 2.1 JSON Schemas (draft 2020-12), vendored in test/fixtures/stix2.1, every file added. */
export function stixBundleValidator() {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: {
      uri: (value: string) => URL.canParse(value),
      email: (value: string) => /^[^\s@]+@[^\s@]+$/.test(value),
      'idn-hostname': (value: string) => /^[^\s/:]+$/.test(value),
    },
  });
  for (const folder of ['common', 'observables', 'sdos', 'sros']) {
    for (const file of readdirSync(join(SCHEMAS, folder))) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')));
  }
  return ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json')!;
}

// The ATT&CK Navigator Layer File Format, version 4.5, transcribed from its specification
// (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md): every property the spec defines, with its type,
// whether it is required, and its allowed values; unknown properties are refused (.strict()).
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const metadata = z.union([z.object({ name: z.string(), value: z.string() }).strict(), z.object({ divider: z.boolean() }).strict()]);
const link = z.union([z.object({ label: z.string(), url: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\//) }).strict(), z.object({ divider: z.boolean() }).strict()]);
const technique = z
  .object({
    techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/),
    tactic: z.string().optional(),
    comment: z.string().optional(),
    enabled: z.boolean().optional(),
    score: z.number().optional(),
    color: z.string().optional(),
    metadata: z.array(metadata).optional(),
    links: z.array(link).optional(),
    showSubtechniques: z.boolean().optional(),
  })
  .strict();
export const navigatorLayerSchema = z
  .object({
    versions: z
      .object({
        attack: z.string().optional(),
        navigator: z.string().refine((v) => /^\d+\.\d+\.\d+$/.test(v) && compareVersions(v, '4.9.0') >= 0, 'must be at least "4.9.0"'),
        layer: z.literal('4.5'),
      })
      .strict()
      .optional(),
    name: z.string(),
    description: z.string().optional(),
    domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
    customDataURL: z.string().optional(),
    filters: z.object({ platforms: z.array(z.string()).optional() }).strict().optional(),
    sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    layout: z
      .object({
        layout: z.enum(['side', 'flat', 'mini']).optional(),
        showID: z.boolean().optional(),
        showName: z.boolean().optional(),
        showAggregateScores: z.boolean().optional(),
        countUnscored: z.boolean().optional(),
        aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
        expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
      })
      .strict()
      .optional(),
    hideDisabled: z.boolean().optional(),
    techniques: z.array(technique).optional(),
    gradient: z
      .object({ colors: z.array(color).min(2), minValue: z.number(), maxValue: z.number() })
      .strict()
      .refine((g) => g.maxValue > g.minValue, 'maxValue must be > minValue')
      .optional(),
    legendItems: z.array(z.object({ label: z.string(), color: z.string() }).strict()).optional(),
    showTacticRowBackground: z.boolean().optional(),
    tacticRowBackground: z.string().optional(),
    selectTechniquesAcrossTactics: z.boolean().optional(),
    selectSubtechniquesWithParent: z.boolean().optional(),
    selectVisibleTechniques: z.boolean().optional(),
    metadata: z.array(metadata).optional(),
    links: z.array(link).optional(),
  })
  .strict();

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
