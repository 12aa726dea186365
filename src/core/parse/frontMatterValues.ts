// The values front matter allows for `kind` and `severity`, apart from the zod schema (./frontMatterSchema.ts), so that
// what only needs the lists (the Portfolio's page) does not bundle zod with them.

export const REPORT_KINDS = ['security', 'operational'] as const;
/** In order: the most severe first, in words, then as SEV levels. */
export const SEVERITY_LEVELS = ['critical', 'high', 'medium', 'low', 'informational', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
