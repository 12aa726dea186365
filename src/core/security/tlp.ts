// Traffic Light Protocol 2.0 (FIRST, 2022): what a report's label says about how widely it may be shared.
import { TLP_LEVELS } from '../parse/frontMatterSchema';

export type TlpLevel = (typeof TLP_LEVELS)[number];

/** Levels whose reports may travel beyond the organisation and its clients: a leaked secret there is an error. */
export function isWidelyShared(level: TlpLevel | null): boolean {
  return level === 'TLP:CLEAR' || level === 'TLP:GREEN';
}
