/** The reason the N/A commands write when the user gives none. */
export const DEFAULT_NOT_APPLICABLE_REASON = 'operational incident, not an attack';

const NOT_APPLICABLE_START = /^(?:n\/a|n\.a\.?|na|not applicable|none applicable|not relevant)(?=$|[\s.,:;!()—–-])/i;
const NOT_APPLICABLE_FIRST_LETTER = /^[\s>*_`+-]*[nt]/i;
const NOT_APPLICABLE_SENTENCE = /^this (?:section|phase) (?:is |was )?(?:marked (?:as )?)?(?:not applicable|n\/a)\b/i;

/**
 * Whether a text says "not applicable" in one of the forms reports use:
 * "N/A", "N/A (reason)", "Not applicable.", "*Not applicable, as …*", "*This section is marked as Not Applicable (N/A) …*".
 */
export function isNotApplicable(text: string): boolean {
  // Every form starts with N or T once markup is gone: most texts are told apart without copying them.
  if (!NOT_APPLICABLE_FIRST_LETTER.test(text)) return false;
  const plain = text
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:>\s*)*(?:[-*+]\s+)?/, '')
    .trim();
  return NOT_APPLICABLE_START.test(plain) || NOT_APPLICABLE_SENTENCE.test(plain);
}

/** The canonical form the commands write: `N/A (reason)`, one of the forms the seed reports use. */
export function notApplicableText(reason: string): string {
  const trimmed = reason.trim().replace(/\.$/, '').replace(/^\((.*)\)$/, '$1').trim();
  return trimmed ? `N/A (${trimmed})` : 'N/A';
}
