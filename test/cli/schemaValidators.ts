import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { join } from 'node:path';
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
