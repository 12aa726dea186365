// Traffic Light Protocol 2.0 (FIRST, 2022): what a report's label says about how widely it may be shared.
import { TLP_LEVELS } from '../parse/frontMatterSchema';

export type TlpLevel = (typeof TLP_LEVELS)[number];

/** Levels whose reports may travel beyond the organisation and its clients: a leaked secret there is an error. */
export function isWidelyShared(level: TlpLevel | null): boolean {
  return level === 'TLP:CLEAR' || level === 'TLP:GREEN';
}

/**
 * Whether sharing the report outside the editor (an HTML export) should be confirmed first: its label restricts it
 * to named recipients (RED) or to the organisation (AMBER+STRICT). Read loosely — any case, spaces, without the
 * `TLP:` prefix, even a label the schema rejects — because a false "no" would let a restricted report go unasked.
 */
export function needsConfirmationToShare(tlp: unknown): boolean {
  if (typeof tlp !== 'string') return false;
  const label = tlp.toUpperCase();
  return /\bRED\b/.test(label) || /\bSTRICT\b/.test(label);
}

/** The TLP 2.0 level a label names, read as loosely as above (TLP 1.0's WHITE is CLEAR); null for anything else. */
export function tlpLevelOf(tlp: unknown): TlpLevel | null {
  if (typeof tlp !== 'string') return null;
  const bare = tlp.toUpperCase().replace(/\s/g, '').replace(/^TLP:/, '');
  const level = `TLP:${bare === 'WHITE' ? 'CLEAR' : bare}`;
  return (TLP_LEVELS as readonly string[]).includes(level) ? (level as TlpLevel) : null;
}
