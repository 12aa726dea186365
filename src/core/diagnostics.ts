import type { Range, TextEdit } from './types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export interface Fix {
  readonly title: string;
  /** Edits against the text the diagnostic was computed on; never overlapping. */
  readonly edits: readonly TextEdit[];
  /** The one obvious fix for its diagnostic. */
  readonly isPreferred?: boolean;
}

export interface Diagnostic {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
}

export const DOCS_URL = 'https://github.com/incident-report-studio/incident-report-studio/blob/main/README.md';

interface RuleInfo {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly description: string;
}

/** Every rule the engine reports, with its default severity. The README documents each under `#### \`id\``. */
export const RULES = {
  'internal.error': { severity: 'error', description: 'The engine failed on this text; the message says how. Please report it.' },
  'report.too-large': { severity: 'warning', description: 'The report is larger than the size that is validated (16 MiB), so that the editor stays responsive.' },
  'frontmatter.syntax': { severity: 'error', description: 'The front matter is not valid YAML.' },
  'frontmatter.invalid-value': { severity: 'error', description: 'A front matter value is not allowed (wrong type, unknown enum value, TLP 1.0 label, unknown time zone).' },
  'frontmatter.unknown-key': { severity: 'warning', description: 'A front matter key the report format does not define.' },
  'frontmatter.missing': { severity: 'hint', description: 'The report has no front matter to record its kind, status and TLP label.' },
  'template.unknown': { severity: 'error', description: 'Front matter names a template that does not exist.' },
  'template.invalid': { severity: 'error', description: 'A workspace template file does not follow the template schema.' },
  'config.invalid': { severity: 'error', description: 'The .incident-report.yaml configuration file does not follow its schema.' },
  'section.missing': { severity: 'error', description: 'A required section of the template is missing.' },
  'section.empty': { severity: 'warning', description: 'A section is present but has no content.' },
  'section.order': { severity: 'warning', description: 'A section stands out of the order of the template.' },
  'section.duplicate': { severity: 'warning', description: 'The same section appears twice.' },
  'section.misspelled': { severity: 'warning', description: 'A heading is close to, but not the same as, a template section.' },
  'field.missing': { severity: 'warning', description: 'A required field line (`- **Name:** value`) is missing.' },
  'field.empty': { severity: 'warning', description: 'A required field has no value.' },
  'field.invalid-date': { severity: 'warning', description: 'A date field holds text that cannot be read as a date.' },
  'field.invalid-enum': { severity: 'error', description: 'An enum field holds a value the template does not allow.' },
  'dates.discovery-before-incident': { severity: 'error', description: "The date of the incident's discovery is earlier than the date it began." },
  'content.placeholder': { severity: 'warning', description: 'Template placeholder text is still in the report.' },
  'content.unfilled': { severity: 'hint', description: 'A section still holds only what the template put in it.' },
  'content.todo': { severity: 'warning', description: 'A TODO, TBD, FIXME or XXX marker is left in the text.' },
  'kind.attack-sections-not-applicable': { severity: 'information', description: 'A security report whose attack sections are all N/A is probably an operational incident.' },
  'timeline.unreadable-date': { severity: 'warning', description: 'A timeline date cannot be read.' },
  'timeline.ambiguous-date': { severity: 'warning', description: 'A date such as 03/04/2024 can be read two ways.' },
  'timeline.detection-before-start': { severity: 'error', description: "Detection is dated before the attack or the incident's start." },
  'timeline.out-of-order': { severity: 'warning', description: 'Events of a phase are listed out of chronological order.' },
  'timeline.future-date': { severity: 'warning', description: 'A date lies in the future.' },
  'timeline.ambiguous-timezone': { severity: 'warning', description: 'A zone abbreviation such as CST, IST or BST names several zones.' },
  'timeline.next-day': { severity: 'information', description: 'A time earlier than the one before it is read on the next day (23:50, then 00:10).' },
  'timeline.metrics-contradiction': {
    severity: 'error',
    description: 'The metrics contradict each other at every reading of their dates: contained before detected, recovered before contained, or a step before the start.',
  },
  'timeline.missing-timezone': { severity: 'information', description: 'A time has no zone and the front matter sets no `timezone`.' },
  'attack.unknown-id': { severity: 'error', description: 'An ATT&CK technique, sub-technique or tactic ID that ATT&CK Enterprise does not have.' },
  'attack.revoked': { severity: 'warning', description: 'A technique ATT&CK has revoked; the message and the fix name the one that replaces it.' },
  'attack.deprecated': { severity: 'warning', description: 'A technique ATT&CK has deprecated.' },
  'attack.tactic-mismatch': { severity: 'warning', description: 'A technique listed under a tactic (a field name or heading) it does not belong to.' },
  'attack.name-mismatch': { severity: 'information', description: "The name written next to an ATT&CK ID is not ATT&CK's name for it." },
  'ioc.live': { severity: 'warning', description: 'A URL, domain, IP or e-mail address written live (clickable) in the indicators.' },
  'ioc.malformed': { severity: 'warning', description: 'An indicator that cannot be one: a hash of the wrong length, an IPv4 octet over 255, a malformed CVE ID.' },
  'ioc.private-address': { severity: 'information', description: 'A private, loopback or link-local address listed as an indicator.' },
  'content.secret': { severity: 'warning', description: 'A credential or key in the text; an error when the TLP label lets the report be shared widely (CLEAR, GREEN).' },
  'action.no-owner': { severity: 'warning', description: 'An open action item names no owner.' },
  'action.no-due-date': { severity: 'warning', description: 'An open action item has no due date.' },
  'action.overdue': { severity: 'warning', description: 'An open action item is past its due date.' },
  'action.bad-due-date': { severity: 'warning', description: 'The due date of an action item cannot be read as a date.' },
} as const satisfies Record<string, Omit<RuleInfo, 'id'>>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Anchor of the rule's heading in the README, as GitHub derives it. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_URL}#${id.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

export function diagnostic(rule: RuleId, range: Range, message: string, fixes?: readonly Fix[], severity: Severity = RULES[rule].severity): Diagnostic {
  return fixes && fixes.length > 0 ? { rule, severity, message, range, fixes } : { rule, severity, message, range };
}
