import type { FieldRole, SectionRole } from '../template/schema';
import type { ReportKind } from '../types';
import type { Classification } from './types';

/** What the events of a section with this role are, when the role says. */
const SECTION_PLACES: Partial<Readonly<Record<SectionRole, Classification>>> = {
  'attack-phase': { category: 'attack', role: 'attack' },
  'impact-phase': { category: 'impact', role: null },
  'detection-phase': { category: 'detection', role: 'detection-phase' },
  'response-phase': { category: 'response', role: null },
  containment: { category: 'response', role: 'containment' },
  eradication: { category: 'response', role: null },
  recovery: { category: 'recovery', role: 'recovery' },
};

/** What the events of a field with this role are (its date, or the dated lines under it). */
const FIELD_PLACES: Partial<Readonly<Record<FieldRole, Classification>>> = {
  'incident-start': { category: 'detail', role: 'incident-start' },
  discovery: { category: 'detection', role: 'discovery' },
  containment: { category: 'response', role: 'containment' },
  eradication: { category: 'response', role: null },
  recovery: { category: 'recovery', role: 'recovery' },
};

export function sectionPlace(role: SectionRole | undefined): Classification | null {
  return (role && SECTION_PLACES[role]) ?? null;
}

export function fieldPlace(role: FieldRole | undefined): Classification | null {
  return (role && FIELD_PLACES[role]) ?? null;
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
