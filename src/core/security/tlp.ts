// Traffic Light Protocol 2.0 labels (FIRST, 2022), as a report's front matter or text writes them.

export const TLP_LEVELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/**
 * The TLP 2.0 level a label names, or null: case and spaces do not matter, the "TLP:" prefix may be left out, and
 * TLP 1.0's WHITE is TLP 2.0's CLEAR.
 */
export function parseTlp(label: string): TlpLevel | null {
  const bare = label.toUpperCase().replace(/\s+/g, '').replace(/^TLP:?/, '');
  const level = `TLP:${bare === 'WHITE' ? 'CLEAR' : bare}`;
  return (TLP_LEVELS as readonly string[]).includes(level) ? (level as TlpLevel) : null;
}

/** Levels whose reports may travel beyond the organisation and its clients: a leaked secret there is an error. */
export function isWidelyShared(level: TlpLevel | null): boolean {
  return level === 'TLP:CLEAR' || level === 'TLP:GREEN';
}
