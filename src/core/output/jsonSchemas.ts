import * as z from 'zod/mini';
import { reportExportSchema } from './exportSchema';
import { configSchema } from '../project/config';
import { frontMatterSchema } from '../parse/frontMatterSchema';
import { templateFileSchema } from '../template/schema';

/** The JSON Schemas shipped in `schemas/`, generated from the zod schemas (checked by a test). */
export function jsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodMiniType, id: string) => ({ $id: id, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) });
  return {
    'front-matter.schema.json': generate(frontMatterSchema, 'https://incident-report-studio.dev/schemas/front-matter.schema.json'),
    'template.schema.json': generate(templateFileSchema, 'https://incident-report-studio.dev/schemas/template.schema.json'),
    'config.schema.json': generate(configSchema, 'https://incident-report-studio.dev/schemas/config.schema.json'),
    'report.schema.json': generate(reportExportSchema, 'https://incident-report-studio.dev/schemas/report.schema.json'),
  };
}
