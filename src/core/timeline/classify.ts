import type { FieldRole, SectionRole } from '../template/schema';
import type { ReportKind } from '../types';
import type { Classification } from './types';

/** What the events of a section with this role are, when the role says. */
const SECTION_PLACES: Partial<Readonly<Record<SectionRole, Classification>>> = {
  'attack-phase': { category: 'attack', roles: ['attack'] },
  'impact-phase': { category: 'impact', roles: [] },
  'detection-phase': { category: 'detection', roles: ['detection-phase'] },
  'response-phase': { category: 'response', roles: [] },
  containment: { category: 'response', roles: ['containment'] },
  eradication: { category: 'response', roles: [] },
  recovery: { category: 'recovery', roles: ['recovery'] },
};

/** What the events of a field with this role are (its date, or the dated lines under it). */
const FIELD_PLACES: Partial<Readonly<Record<FieldRole, Classification>>> = {
  'incident-start': { category: 'detail', roles: ['incident-start'] },
  discovery: { category: 'detection', roles: ['discovery'] },
  containment: { category: 'response', roles: ['containment'] },
  eradication: { category: 'response', roles: [] },
  recovery: { category: 'recovery', roles: ['recovery'] },
};

export function sectionPlace(role: SectionRole | undefined): Classification | null {
  return (role && SECTION_PLACES[role]) ?? null;
}

export function fieldPlace(role: FieldRole | undefined): Classification | null {
  return (role && FIELD_PLACES[role]) ?? null;
}

const RECOVERY = /\b(?:restor|recover|resolv|back online|fully operational|normal operation|service (?:was )?(?:returned|resumed))/i;
const CONTAINMENT = /\b(?:contain|isolat|mitigat|block|disconnect|revok|disabl|roll(?:ed|ing)? ?back|shut ?down|cut off|quarantin|terminat|segregat)/i;
const DETECTION = /\b(?:detect|alert|discover|notic|identif|flagged|paged)/i;
const IMPACT = /\b(?:fail|outage|down\b|unavailab|error|crash|delet|remov|corrupt|degrad|breach|compromis|exfiltrat|accesse|exploit|attack|infiltrat|malware|ransomware|phish|intru)/i;

/**
 * Classifies free text (a line of the timeline, a heading the template does not know) by its words; `fallback`
 * when none matches. A step can be both a containment and a recovery ("rolled back; service back online"); it is
 * drawn as a recovery, the later of the two.
 */
export function classifyText(text: string, kind: ReportKind | null, fallback: Classification): Classification {
  const recovery = RECOVERY.test(text);
  const containment = CONTAINMENT.test(text);
  if (recovery || containment) {
    const roles = [...(containment ? (['containment'] as const) : []), ...(recovery ? (['recovery'] as const) : [])];
    return { category: recovery ? 'recovery' : 'response', roles };
  }
  if (DETECTION.test(text)) return { category: 'detection', roles: [] };
  if (IMPACT.test(text)) return { category: kind === 'security' ? 'attack' : 'impact', roles: [] };
  return fallback;
}
