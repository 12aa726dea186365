import type { ContentLine, FieldLine, Section } from '../parse/report';
import { matchFields, sectionState, type ReportMatch, type SectionMatch } from '../template/match';
import type { FieldRole, SectionRole, TemplateField, TemplateSection } from '../template/schema';
import type { Range, ReportKind } from '../types';
import { classifyText, fieldPlace, sectionPlace } from './classify';
import { plainText } from './plainText';
import type { Classification, EventSource } from './types';

/** Sections whose dated lines are response steps: the response work and its parts. */
const RESPONSE_ROLES: ReadonlySet<SectionRole> = new Set(['response', 'containment', 'eradication', 'recovery']);
/** Text fields whose lines are steps of one kind. */
const STEP_FIELD_ROLES: ReadonlySet<FieldRole> = new Set(['containment', 'eradication', 'recovery']);
/** Fields whose dates are events wherever they stand, with the text the event gets. */
const DATE_FIELD_TEXT: Partial<Readonly<Record<FieldRole, string>>> = {
  'incident-start': 'Incident began',
  discovery: 'Incident discovered',
  containment: 'Incident contained',
  recovery: 'Service recovered',
};
const DETAIL: Classification = { category: 'detail', role: null };
const RESPONSE: Classification = { category: 'response', role: null };

/**
 * Every event source of the report, in document order, found by the template's roles: the dates of fields such as
 * the incident's start and its discovery, everything in the `timeline` section (its lines and its phases), and the
 * dated lines of the response sections and of fields whose lines are steps (containment, recovery).
 */
export function eventSources(match: ReportMatch, kind: ReportKind | null): EventSource[] {
  const bySection = new Map<Section, SectionMatch>();
  for (const m of match.all) {
    for (const section of m.section ? [m.section, ...m.duplicates] : []) bySection.set(section, m);
  }
  const fieldEvents = match.all.flatMap(dateFieldSources);
  const sources: EventSource[] = [...fieldEvents];
  const read = new Set<Section>();
  for (const m of match.all) {
    if (!m.section || read.has(m.section)) continue;
    if (m.template.role === 'timeline') timelineSources(m.section, m.template, bySection, kind, sources);
    else if ((m.template.role && RESPONSE_ROLES.has(m.template.role)) || m.template.fields.some(isStepField)) responseSources(m.section, bySection, kind, sources);
    else continue;
    for (const section of subtree(m.section)) read.add(section);
  }
  // A date field that is an event of its own is not read again as a line of its section.
  const claimed = new Set(fieldEvents.map((event) => event.line));
  return sources.filter((candidate) => candidate.origin !== 'line' || !claimed.has(candidate.line)).sort((a, b) => a.range.start - b.range.start);
}

function isStepField(field: TemplateField): boolean {
  return field.type !== 'date' && field.role !== undefined && STEP_FIELD_ROLES.has(field.role);
}

/** The fields whose date is an event of its own (the incident's start, its discovery, …), in any section. */
function dateFieldSources(m: SectionMatch): EventSource[] {
  if (!m.section) return [];
  return matchFields(m.section, m.template).flatMap(({ template, field }) => {
    const text = template.role && DATE_FIELD_TEXT[template.role];
    if (!field || !text || template.type !== 'date') return [];
    return [fieldSource(field, text, m.template.title, template.name, fieldPlace(template.role)!, null)];
  });
}

/** The chronology: its own dated lines, and each phase beneath it. */
function timelineSources(timeline: Section, template: TemplateSection, bySection: Map<Section, SectionMatch>, kind: ReportKind | null, sources: EventSource[]): void {
  const firstAttackPhase = firstWithRole(template.sections, 'attack-phase');
  for (const section of subtree(timeline)) {
    if (sectionState(section) === 'not-applicable') continue;
    if (section === timeline) {
      for (const line of datedLines(section)) sources.push(lineSource(line, template.title, classifyText(line.text, kind, DETAIL), groupOf(section)));
    } else {
      phaseSources(section, bySection.get(section)?.template ?? null, kind, sources, firstAttackPhase);
    }
  }
}

/**
 * A phase: its date field (or, failing that, a summary) with its other fields as text, and every other dated line.
 * The attack begins in the template's first attack phase: its events are the ones detection cannot precede.
 */
function phaseSources(section: Section, template: TemplateSection | null, kind: ReportKind | null, sources: EventSource[], firstAttackPhase: TemplateSection | undefined): void {
  const phase = template?.title ?? section.heading.title;
  const byRole = sectionPlace(template?.role);
  const place = byRole?.role === 'attack' && template !== firstAttackPhase ? { ...byRole, role: null } : (byRole ?? classifyText(phase, kind, DETAIL));
  const dateField = template ? phaseDateField(section, template) : null;
  const group = groupOf(section);
  const text = phaseText(section, template, dateField, phase);
  if (dateField) sources.push(fieldSource(dateField, text, phase, phase, place, group));
  else if (section.lines.length > 0) {
    sources.push(source(place, 'summary', '', section.heading.range.start, text, phase, phase, group, section.heading.line, section.heading.range));
  }
  // Lines of an attack or impact phase are what the phase says; the detection phase also holds the first responses.
  const lineClass = place.category === 'detection' ? (line: string) => classifyText(line, kind, { category: 'detection', role: null }) : () => place;
  for (const line of datedLines(section)) {
    if (dateField && line.line >= dateField.line && line.range.end <= dateField.range.end) continue;
    sources.push(lineSource(line, phase, lineClass(line.text), group));
  }
}

/** The phase's `event-time` field, else its first date field. */
function phaseDateField(section: Section, template: TemplateSection): FieldLine | null {
  const dated = matchFields(section, template).filter(({ template: field }) => field.type === 'date');
  return (dated.find(({ template: field }) => field.role === 'event-time') ?? dated[0])?.field ?? null;
}

/** "Vector: Stolen credentials. Details: …", else the phase's first line, else its title. */
function phaseText(section: Section, template: TemplateSection | null, dateField: FieldLine | null, phase: string): string {
  const fields = labelledFields(section, template).filter(({ field }) => field !== dateField && field.value !== '');
  if (fields.length > 0) return fields.map(({ field }) => `${field.name}: ${asSentence(plainText(field.value))}`).join(' ');
  const line = section.lines.find((candidate) => candidate.line !== dateField?.line);
  return line ? plainText(line.text) : phase;
}

function asSentence(text: string): string {
  return /[.!?…)]$/.test(text) ? text : `${text}.`;
}

/**
 * The response work: every dated line is a step, of the kind its field or subsection says by its role
 * (containment, recovery), else of the kind its words say.
 */
function responseSources(response: Section, bySection: Map<Section, SectionMatch>, kind: ReportKind | null, sources: EventSource[]): void {
  const responseTitle = bySection.get(response)!.template.title;
  for (const section of subtree(response)) {
    if (sectionState(section) === 'not-applicable') continue;
    const template = bySection.get(section)?.template ?? null;
    const heading = section === response ? null : (sectionPlace(template?.role) ?? classifyText(section.heading.title, kind, RESPONSE));
    const fieldPlaces = stepFieldPlaces(section, template);
    let place: Classification | null = heading?.role ? heading : null;
    let group = groupOf(section);
    for (const line of section.lines) {
      const field = fieldPlaces.get(line.line);
      if (field) {
        place = field.place;
        group = `${groupOf(section)}:${field.name}`;
      }
      if (HAS_DIGIT.test(line.text)) sources.push(lineSource(line, responseTitle, place ?? classifyText(line.text, kind, RESPONSE), group));
    }
  }
}

/** The fields of a section by line, with what the lines under them are by the field's role (null: read each line's words). */
function stepFieldPlaces(section: Section, template: TemplateSection | null): Map<number, { name: string; place: Classification | null }> {
  const places = new Map<number, { name: string; place: Classification | null }>();
  const steps = new Map(template?.fields.filter(isStepField).map((field) => [field.name, field.role]) ?? []);
  for (const { field, name } of labelledFields(section, template)) places.set(field.line, { name, place: fieldPlace(steps.get(name)) });
  return places;
}

/**
 * The fields written as fields, with the template's name for each: bold labels, and plain ones the template
 * names. "Nov 22: access cut" is a line with a date, not a field.
 */
function labelledFields(section: Section, template: TemplateSection | null): { field: FieldLine; name: string }[] {
  const names = new Map<FieldLine, string>();
  for (const { template: field, field: line } of template ? matchFields(section, template) : []) if (line) names.set(line, field.name);
  return section.fields.filter((field) => field.bold || names.has(field)).map((field) => ({ field, name: names.get(field) ?? field.name }));
}

const HAS_DIGIT = /\d/;

/** The lines that may hold a date: every date chrono reads in strict mode has a digit, and most lines have none. */
function datedLines(section: Section): ContentLine[] {
  return section.lines.filter((line) => HAS_DIGIT.test(line.text));
}

function fieldSource(field: FieldLine, text: string, phase: string, name: string, place: Classification, group: string | null): EventSource {
  return source(place, 'date-field', field.value, field.valueRange.start, text, phase, name, group, field.line, field.range);
}

function lineSource(line: ContentLine, phase: string, place: Classification, group: string): EventSource {
  return source(place, 'line', line.text, line.range.start, line.text, phase, phase, group, line.line, line.range);
}

// Property by property: an object spread followed by more properties is ~100 times slower in V8, for every line.
function source(
  place: Classification,
  origin: EventSource['origin'],
  dateText: string,
  dateTextOffset: number,
  text: string,
  phase: string,
  name: string,
  group: string | null,
  line: number,
  range: Range,
): EventSource {
  return { category: place.category, role: place.role, origin, dateText, dateTextOffset, text, phase, name, group, line, range };
}

function firstWithRole(sections: readonly TemplateSection[], role: SectionRole): TemplateSection | undefined {
  for (const section of sections) {
    const found = section.role === role ? section : firstWithRole(section.sections, role);
    if (found) return found;
  }
  return undefined;
}

function groupOf(section: Section): string {
  return String(section.heading.range.start);
}

function* subtree(section: Section): Generator<Section> {
  yield section;
  for (const child of section.children) yield* subtree(child);
}
