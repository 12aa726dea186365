import { diagnostic, type Diagnostic } from '../../diagnostics';
import { findSecrets, redaction, REDACTED } from '../../security/secrets';
import { isWidelyShared } from '../../security/tlp';
import type { RuleContext } from '../context';

/** Credentials and keys in the text: an error when the report's TLP label lets it travel widely, a warning otherwise. */
export function checkSecrets(context: RuleContext): Diagnostic[] {
  const level = context.report.frontMatter?.data.tlp ?? null;
  const widely = isWidelyShared(level);
  const why = widely ? `a ${level} report may be shared widely` : 'redact it before the report is shared';
  return findSecrets(context.report.text).map((secret) =>
    diagnostic(
      'content.secret',
      secret.range,
      `This looks like a ${secret.label} (${secret.preview}): ${why}`,
      [{ title: `Redact as ${REDACTED}`, edits: [redaction(secret)], isPreferred: true }],
      widely ? 'error' : undefined,
    ),
  );
}
