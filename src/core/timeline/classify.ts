import { normalizeTitle } from '../text/words';
import type { ReportKind } from '../types';
import type { PhaseCategory } from './types';

/** What an event is for the metrics, beyond its category. */
export type EventRole = 'incident-date' | 'discovery-date' | 'initial-access' | 'detection-phase' | 'containment' | 'recovery';

export interface Classification {
  readonly category: PhaseCategory;
  readonly role: EventRole | null;
}

/** Categories of the template's phases (and of Response Actions' fields), by normalized title. */
const PLACES: ReadonlyMap<string, Classification> = new Map<string, Classification>([
  ['initial access', { category: 'attack', role: 'initial-access' }],
  ['lateral movement', { category: 'attack', role: null }],
  ['data exfiltration impact', { category: 'impact', role: null }],
  ['detection and response', { category: 'detection', role: 'detection-phase' }],
  ['containment measures', { category: 'response', role: 'containment' }],
  ['eradication steps', { category: 'response', role: null }],
  ['recovery actions', { category: 'recovery', role: 'recovery' }],
]);

/** The canonical title of a template phase or Response Actions field, when it is one. */
export function knownPlace(canonicalTitle: string): Classification | null {
  return PLACES.get(normalizeTitle(canonicalTitle)) ?? null;
}

type Cue = 'recovery' | 'containment' | 'detection' | 'impact';

// First match wins: "service restored after the failing node was isolated" is a recovery.
const CUES: readonly (readonly [Cue, RegExp])[] = [
  ['recovery', /\b(?:restor|recover|resolv|back online|fully operational|normal operation|service (?:was )?(?:returned|resumed))/i],
  ['containment', /\b(?:contain|isolat|mitigat|block|disconnect|revok|disabl|roll(?:ed|ing)? ?back|shut ?down|cut off|quarantin|terminat|segregat)/i],
  ['detection', /\b(?:detect|alert|discover|notic|identif|flagged|paged)/i],
  ['impact', /\b(?:fail|outage|down\b|unavailab|error|crash|delet|remov|corrupt|degrad|breach|compromis|exfiltrat|accesse|exploit|attack|infiltrat|malware|ransomware|phish|intru)/i],
];

/**
 * Classifies free text (a line of the Timeline of Events, a heading the template does not know) by its words;
 * `fallback` when none matches.
 */
export function classifyText(text: string, kind: ReportKind | null, fallback: Classification): Classification {
  for (const [cue, pattern] of CUES) {
    if (!pattern.test(text)) continue;
    switch (cue) {
      case 'recovery':
        return { category: 'recovery', role: 'recovery' };
      case 'containment':
        return { category: 'response', role: 'containment' };
      case 'detection':
        return { category: 'detection', role: null };
      case 'impact':
        return { category: kind === 'security' ? 'attack' : 'impact', role: null };
    }
  }
  return fallback;
}
