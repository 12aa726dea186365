import { findDate } from '../parse/dates';
import type { ContentLine, FieldLine, Section, Table, TableCell } from '../parse/report';
import { zoneOfHeader } from '../parse/zoneNames';
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
const DETAIL: Classification = { category: 'detail', roles: [] };
const RESPONSE: Classification = { category: 'response', roles: [] };

/** Where an event stands: its phase, its order group, the dated sub-heading above it. */
interface Place {
  readonly phase: string;
  readonly group: string;
  readonly heading: EventSource['heading'];
}

/**
 * Every event source of the report, in document order, found by the template's roles: the dates of fields such as
 * the incident's start and its discovery, everything in the `timeline` section (its lines, tables and phases),
 * and the dated lines of the response sections and of fields whose lines are steps (containment, recovery).
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

/**
 * The chronology: its own lines and tables, each phase beneath it, and every other sub-heading, whose lines count
 * as their words say (a sub-heading that is a date, "### 2018-10-22", gives its day to the times beneath it).
 */
function timelineSources(timeline: Section, template: TemplateSection, bySection: Map<Section, SectionMatch>, kind: ReportKind | null, sources: EventSource[]): void {
  const firstAttackPhase = firstWithRole(template.sections, 'attack-phase');
  const visit = (section: Section, phase: string, heading: EventSource['heading']) => {
    if (sectionState(section) === 'not-applicable') return;
    const phaseTemplate = section === timeline ? null : (bySection.get(section)?.template ?? null);
    let childHeading = heading;
    if (phaseTemplate && sectionPlace(phaseTemplate.role)) {
      phaseSources(section, phaseTemplate, kind, sources, firstAttackPhase);
    } else {
      const own = section === timeline ? null : ownPhase(section, phase);
      childHeading = own?.dated ? { key: section.heading.range.start, title: section.heading.title } : heading;
      const fallback = section === timeline ? DETAIL : classifyText(section.heading.title, kind, DETAIL);
      linesAndTables(section, { phase: own?.phase ?? phase, group: groupOf(section), heading: childHeading }, (text) => classifyText(text, kind, fallback), sources);
    }
    for (const child of section.children) visit(child, phase, childHeading);
  };
  visit(timeline, template.title, null);
}

/** An untemplated sub-heading's phase: its title, or the timeline's when the title is only a date. */
function ownPhase(section: Section, timelinePhase: string): { phase: string; dated: boolean } {
  const title = section.heading.title;
  const date = findDate(title);
  if (!date || date.kind === 'time') return { phase: title, dated: false };
  const range = date.kind === 'date' ? date.range : date.readRange;
  const rest = range ? title.slice(0, range.start) + title.slice(range.end) : title;
  const onlyADate = !/\p{L}{4,}/u.test(rest.replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/gi, ''));
  return { phase: onlyADate ? timelinePhase : title, dated: date.kind === 'date' || date.kind === 'unreadable' };
}

/**
 * A phase: its date field (or, failing that, a summary) with its other fields as text, and every other dated line.
 * The attack begins in the template's first attack phase: its events are the ones detection cannot precede.
 */
function phaseSources(section: Section, template: TemplateSection, kind: ReportKind | null, sources: EventSource[], firstAttackPhase: TemplateSection | undefined): void {
  const phase = template.title;
  const byRole = sectionPlace(template.role)!;
  const place = byRole.roles.includes('attack') && template !== firstAttackPhase ? { ...byRole, roles: [] } : byRole;
  const dateField = phaseDateField(section, template);
  const group = groupOf(section);
  const labelled = labelledFields(section, template);
  const text = phaseText(section, labelled, dateField, phase);
  if (dateField) sources.push(fieldSource(dateField, text, phase, phase, place, group));
  else if (section.lines.length > 0) {
    sources.push(source(place, 'summary', '', section.heading.range.start, text, phase, phase, group, section.heading.line, section.heading.range, null, null));
  }
  // Lines of an attack or impact phase are what the phase says; the detection phase also holds the first responses.
  // The phase's fields are its description (the event's text), not events of their own.
  const classify = place.category === 'detection' ? (line: string) => classifyText(line, kind, { category: 'detection', roles: [] }) : () => place;
  const lines = section.lines.filter((line) => !labelled.some(({ field }) => field.range.start <= line.range.start && line.range.end <= field.range.end));
  linesAndTables({ lines, tables: section.tables }, { phase, group, heading: null }, classify, sources);
}

/** The dated lines of a section, and the rows of its timeline tables (whose lines are then not read as lines). */
function linesAndTables(section: Pick<Section, 'lines' | 'tables'>, place: Place, classify: (text: string) => Classification, sources: EventSource[]): void {
  const rowLines = new Set<number>();
  for (const table of section.tables) {
    const columns = timelineColumns(table);
    if (!columns) continue;
    for (const row of table.rows) {
      rowLines.add(row.line);
      const rowSource = tableRowSource(row.line, row.cells, columns, place, classify);
      if (rowSource) sources.push(rowSource);
    }
  }
  for (const line of section.lines) {
    if (!rowLines.has(line.line) && HAS_DIGIT.test(line.text)) sources.push(lineSource(line, place, classify(line.text)));
  }
}

interface TimelineColumns {
  readonly date?: number;
  readonly time?: number;
  readonly event: number[];
  readonly phase?: number;
  readonly zone: EventSource['columnZone'];
}

const DATE_COLUMN = /^(?:date|day)\b/i;
const TIME_COLUMN = /^(?:time|hour)\b/i;
const INSTANT_COLUMN = /^(?:timestamp|when|date ?(?:\/|and|&) ?time|datetime)\b/i;
const EVENT_COLUMN = /^(?:event|description|what happened|action|activity|details?|summary|update)\b/i;
const PHASE_COLUMN = /^(?:phase|stage|category)\b/i;

/** A table is a timeline when its header names a date, time or timestamp column; null otherwise. */
function timelineColumns(table: Table): TimelineColumns | null {
  const names = table.header.cells.map((cell) => plainText(cell.text));
  const find = (pattern: RegExp) => {
    const index = names.findIndex((name) => pattern.test(name));
    return index === -1 ? undefined : index;
  };
  const instant = find(INSTANT_COLUMN);
  const date = instant ?? find(DATE_COLUMN);
  const time = instant === undefined ? find(TIME_COLUMN) : undefined;
  if (date === undefined && time === undefined) return null;
  const phase = find(PHASE_COLUMN);
  const named = names.flatMap((name, index) => (EVENT_COLUMN.test(name) ? [index] : []));
  const event = named.length > 0 ? named : names.flatMap((_, index) => (index === date || index === time || index === phase ? [] : [index]));
  const zoneHeader = [time, date].flatMap((index) => (index === undefined ? [] : [zoneOfHeader(names[index])])).find((zone) => zone);
  return { date, time, event, phase, zone: zoneHeader ? { zone: zoneHeader.zone, offsetMinutes: zoneHeader.offsetMinutes } : null };
}

/** A row of a timeline table: its date and time cells make one instant, its event cells the text, its phase cell the phase. */
function tableRowSource(line: number, cells: readonly TableCell[], columns: TimelineColumns, place: Place, classify: (text: string) => Classification): EventSource | null {
  const dateCells = [columns.date, columns.time].flatMap((index) => (index === undefined || !cells[index]?.text ? [] : [cells[index]]));
  if (dateCells.length === 0) return null;
  const text = columns.event.map((index) => plainText(cells[index]?.text ?? '')).filter(Boolean).join(' — ');
  const phaseCell = columns.phase === undefined ? '' : plainText(cells[columns.phase]?.text ?? '');
  const first = Math.min(...dateCells.map((cell) => cell.range.start));
  const last = Math.max(...dateCells.map((cell) => cell.range.end));
  const dateText = blankOutside(dateCells, first, last);
  const range = { start: Math.min(...cells.map((cell) => cell.range.start)), end: Math.max(...cells.map((cell) => cell.range.end)) };
  const phase = phaseCell || place.phase;
  return source(classify(`${text} ${phaseCell}`), 'row', dateText, first, text, phase, phase, place.group, line, range, place.heading, columns.zone);
}

/** The text from `first` to `last` of a row with only the given cells written in it: offsets into it stay the document's. */
function blankOutside(cells: readonly TableCell[], first: number, last: number): string {
  if (cells.length === 1 && cells[0].text.length === last - first) return cells[0].text;
  const characters = Array.from({ length: last - first }, () => ' ');
  for (const cell of cells) for (let at = 0; at < cell.text.length && cell.range.start + at < last; at++) characters[cell.range.start - first + at] = cell.text[at];
  return characters.join('');
}

/** The phase's `event-time` field, else its first date field. */
function phaseDateField(section: Section, template: TemplateSection): FieldLine | null {
  const dated = matchFields(section, template).filter(({ template: field }) => field.type === 'date');
  return (dated.find(({ template: field }) => field.role === 'event-time') ?? dated[0])?.field ?? null;
}

/** "Vector: Stolen credentials. Details: …", else the phase's first line, else its title. */
function phaseText(section: Section, labelled: readonly { field: FieldLine; name: string }[], dateField: FieldLine | null, phase: string): string {
  const fields = labelled.filter(({ field }) => field !== dateField && field.value !== '');
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
    let place: Classification | null = heading && heading.roles.length > 0 ? heading : null;
    let group = groupOf(section);
    for (const line of section.lines) {
      const field = fieldPlaces.get(line.line);
      if (field) {
        place = field.place;
        group = `${groupOf(section)}:${field.name}`;
      }
      if (HAS_DIGIT.test(line.text)) sources.push(lineSource(line, { phase: responseTitle, group, heading: null }, place ?? classifyText(line.text, kind, RESPONSE)));
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

/** Every date chrono reads in strict mode has a digit, and most lines have none. */
const HAS_DIGIT = /\d/;

function fieldSource(field: FieldLine, text: string, phase: string, name: string, place: Classification, group: string | null): EventSource {
  return source(place, 'date-field', field.value, field.valueRange.start, text, phase, name, group, field.line, field.range, null, null);
}

function lineSource(line: ContentLine, place: Place, classification: Classification): EventSource {
  return source(classification, 'line', line.text, line.range.start, line.text, place.phase, place.phase, place.group, line.line, line.range, place.heading, null);
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
  heading: EventSource['heading'],
  columnZone: EventSource['columnZone'],
): EventSource {
  return { category: place.category, roles: place.roles, origin, dateText, dateTextOffset, text, phase, name, group, line, range, heading, columnZone };
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
