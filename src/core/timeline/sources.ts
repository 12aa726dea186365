import { matchFields, sectionState, titleMatches, type ReportMatch, type SectionMatch } from '../template/match';
import type { ContentLine, FieldLine, Section } from '../parse/report';
import type { TemplateSection } from '../schemas';
import { normalizeTitle } from '../text/words';
import type { Range, ReportKind } from '../types';
import { classifyText, knownPlace, type Classification } from './classify';
import { plainText } from './plainText';

/** Something in the report that may be an event: a date field, a line, or a phase with no Date/Time field. */
export interface EventSource extends Classification {
  /**
   * `date-field`: a template date field, read whole ("Unknown" makes an undated event).
   * `line`: a line with a digit; an event only when a date or time is found in it.
   * `summary`: an undated phase, kept only when nothing else in the phase has a date.
   */
  readonly origin: 'date-field' | 'line' | 'summary';
  /** The text the date is read from, and the document offset of its first character. */
  readonly dateText: string;
  readonly dateTextOffset: number;
  /** The event's text; for a line, its Markdown source (the date is taken out once it is known). */
  readonly text: string;
  readonly phase: string | null;
  /** Events of the same group are listed in chronological order; null: no order expected. */
  readonly group: string | null;
  readonly line: number;
  readonly range: Range;
}

const INCIDENT_DETAILS = 'Incident Details';
const TIMELINE = 'Timeline of Events';
const RESPONSE_ACTIONS = 'Response Actions';
const DATE_TIME_NAMES = new Set(['date time', 'date', 'time']);
const DETAIL: Classification = { category: 'detail', role: null };
const RESPONSE: Classification = { category: 'response', role: null };

/** Every event source of the report, in document order. */
export function eventSources(match: ReportMatch, kind: ReportKind | null): EventSource[] {
  const bySection = new Map<Section, SectionMatch>();
  for (const m of match.all) {
    for (const section of m.section ? [m.section, ...m.duplicates] : []) bySection.set(section, m);
  }
  const topLevel = (title: string) => match.sections.find((m) => m.section && titleMatches(m.template, title)) ?? null;
  const sources = [
    ...incidentDetailSources(topLevel(INCIDENT_DETAILS)),
    ...timelineSources(topLevel(TIMELINE), bySection, kind),
    ...responseSources(topLevel(RESPONSE_ACTIONS), bySection, kind),
  ];
  return sources.sort((a, b) => a.range.start - b.range.start);
}

function incidentDetailSources(details: SectionMatch | null): EventSource[] {
  if (!details?.section) return [];
  const sources: EventSource[] = [];
  for (const { template, field } of matchFields(details.section, details.template)) {
    if (!field) continue;
    if (titleMatches(template, 'Incident Date')) {
      sources.push(fieldSource(field, 'Incident began', INCIDENT_DETAILS, { category: 'detail', role: 'incident-date' }, null));
    } else if (titleMatches(template, 'Discovery Date')) {
      sources.push(fieldSource(field, 'Incident discovered', INCIDENT_DETAILS, { category: 'detection', role: 'discovery-date' }, null));
    }
  }
  return sources;
}

function timelineSources(timeline: SectionMatch | null, bySection: Map<Section, SectionMatch>, kind: ReportKind | null): EventSource[] {
  if (!timeline?.section) return [];
  const sources: EventSource[] = [];
  for (const section of subtree(timeline.section)) {
    if (sectionState(section) === 'not-applicable') continue;
    if (section === timeline.section) {
      for (const line of datedLines(section)) sources.push(lineSource(line, TIMELINE, classifyText(line.text, kind, DETAIL), groupOf(section)));
    } else {
      phaseSources(section, bySection.get(section)?.template ?? null, kind, sources);
    }
  }
  return sources;
}

/** A phase: its Date/Time field (or, failing that, a summary) with its other fields as text, and every other line. */
function phaseSources(section: Section, template: TemplateSection | null, kind: ReportKind | null, sources: EventSource[]): void {
  const phase = template?.title ?? section.heading.title;
  const place = knownPlace(phase) ?? classifyText(phase, kind, DETAIL);
  const dateField = dateTimeField(section, template);
  const group = groupOf(section);
  const text = phaseText(section, template, dateField, phase);
  if (dateField) sources.push(fieldSource(dateField, text, phase, place, group));
  else if (section.lines.length > 0) {
    sources.push(source(place, 'summary', '', section.heading.range.start, text, phase, group, section.heading.line, section.heading.range));
  }
  // Lines of an attack or impact phase are what the phase says; the detection phase also holds the first responses.
  const lineClass = place.category === 'detection' ? (line: string) => classifyText(line, kind, { category: 'detection', role: null }) : () => place;
  for (const line of datedLines(section)) {
    if (dateField && line.line >= dateField.line && line.range.end <= dateField.range.end) continue;
    sources.push(lineSource(line, phase, lineClass(line.text), group));
  }
}

function dateTimeField(section: Section, template: TemplateSection | null): FieldLine | null {
  if (template) {
    const matched = matchFields(section, template).find(({ template: field }) => field.type === 'date');
    if (matched) return matched.field;
  }
  return section.fields.find((field) => DATE_TIME_NAMES.has(normalizeTitle(field.name))) ?? null;
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

function responseSources(response: SectionMatch | null, bySection: Map<Section, SectionMatch>, kind: ReportKind | null): EventSource[] {
  if (!response?.section) return [];
  const sources: EventSource[] = [];
  for (const section of subtree(response.section)) {
    if (sectionState(section) === 'not-applicable') continue;
    const heading = section === response.section ? null : classifyText(section.heading.title, kind, RESPONSE);
    const fieldPlaces = responseFieldPlaces(section, bySection.get(section)?.template ?? null);
    let place: Classification | null = heading?.role ? heading : null;
    let group = groupOf(section);
    for (const line of section.lines) {
      const field = fieldPlaces.get(line.line);
      if (field) {
        place = field.place;
        group = `${groupOf(section)}:${field.name}`;
      }
      if (HAS_DIGIT.test(line.text)) sources.push(lineSource(line, RESPONSE_ACTIONS, place ?? classifyText(line.text, kind, RESPONSE), group));
    }
  }
  return sources;
}

/** The fields of a Response Actions section by line, with what the lines under them are (null: read each line's words). */
function responseFieldPlaces(section: Section, template: TemplateSection | null): Map<number, { name: string; place: Classification | null }> {
  const places = new Map<number, { name: string; place: Classification | null }>();
  for (const { field, name } of labelledFields(section, template)) places.set(field.line, { name, place: knownPlace(name) });
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

function fieldSource(field: FieldLine, text: string, phase: string, place: Classification, group: string | null): EventSource {
  return source(place, 'date-field', field.value, field.valueRange.start, text, phase, group, field.line, field.range);
}

function lineSource(line: ContentLine, phase: string, place: Classification, group: string): EventSource {
  return source(place, 'line', line.text, line.range.start, line.text, phase, group, line.line, line.range);
}

// Property by property: an object spread followed by more properties is ~100 times slower in V8, for every line.
function source(
  place: Classification,
  origin: EventSource['origin'],
  dateText: string,
  dateTextOffset: number,
  text: string,
  phase: string,
  group: string | null,
  line: number,
  range: Range,
): EventSource {
  return { category: place.category, role: place.role, origin, dateText, dateTextOffset, text, phase, group, line, range };
}

function groupOf(section: Section): string {
  return String(section.heading.range.start);
}

function* subtree(section: Section): Generator<Section> {
  yield section;
  for (const child of section.children) yield* subtree(child);
}
