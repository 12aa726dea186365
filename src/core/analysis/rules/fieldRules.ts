import { isBefore, readDate } from '../../parse/dates';
import { fieldWithRole, matchFields, sectionState, type FieldMatch, type SectionMatch } from '../../template/match';
import { isNotApplicable } from '../../parse/notApplicable';
import { blockInsertion, isPlaceholderOrEmpty } from '../../edits/sections';
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics';
import type { RuleContext } from '../context';
import type { Section } from '../../parse/report';
import { isFenceLeftOpen } from '../../parse/markdown';
import { placeholderSet } from './shared';

export function checkFields(context: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const referenceYear = context.timeline.referenceYear ?? undefined;
  for (const m of context.match.all) {
    if (!m.section || m.template.fields.length === 0 || sectionState(m.section) !== 'filled') continue;
    const fields = matchFields(m.section, m.template);
    found.push(...missingFields(context, m, fields));
    for (const { template, field } of fields) {
      if (!field || isNotApplicable(field.value)) continue;
      if (field.value === '') {
        if (template.required) found.push(diagnostic('field.empty', field.range, `Required field "${template.name}" has no value`));
        continue;
      }
      if (isPlaceholderOrEmpty(field.value, placeholderSet(context.template))) continue;
      if (template.type === 'date') found.push(...checkDate(context, field.value, field.valueRange, template.name, referenceYear));
      if (template.type === 'enum' && template.values) found.push(...checkEnum(field.value, field.valueRange, template.name, template.values));
    }
  }
  return [...found, ...discoveryBeforeIncident(context)];
}

const INDENTED = /^[ \t]/;

function missingFields(context: RuleContext, m: SectionMatch, fields: FieldMatch[]): Diagnostic[] {
  const section = m.section!;
  const missing = fields.filter(({ template, field }) => template.required && !field);
  if (missing.length === 0) return [];
  const lastField = section.fields[section.fields.length - 1];
  const eol = context.report.lines.eol;
  const text = context.report.text;
  // A list put above a block that starts indented takes it in (an indented fence or heading becomes the item's):
  // then the fields go after the section's content, unless that ends in a fence left open, where they would be
  // code: then no place keeps both the fields and the content as they are, and no fix is offered.
  const afterContent = section.blocks.some((block) => INDENTED.test(block.text));
  const canFix = lastField !== undefined || !afterContent || !endsInOpenFence(section);
  return missing.map(({ template }) => {
    const line = `- **${template.name}:** ${template.placeholder ?? ''}`.trimEnd();
    const edit = lastField
      ? { start: lastField.range.end, end: lastField.range.end, newText: eol + line }
      : blockInsertion(text, afterContent ? section.bodyRange.end : section.bodyRange.start, line, eol);
    const fixes: Fix[] = canFix ? [{ title: `Add field "${template.name}"`, edits: [edit], isPreferred: true }] : [];
    return diagnostic('field.missing', section.heading.range, `"${m.template.title}" is missing the required field "${template.name}"`, fixes);
  });
}

/** Whether the section's last block is a fenced code block left open (it runs to the end of the text). */
function endsInOpenFence(section: Section): boolean {
  const last = section.blocks[section.blocks.length - 1];
  return last?.type === 'fence' && isFenceLeftOpen(last.text.split(/\r\n|\r|\n/));
}

function checkDate(context: RuleContext, value: string, range: Diagnostic['range'], name: string, referenceYear: number | undefined): Diagnostic[] {
  const result = readDate(value, { timezone: context.timezone, referenceYear });
  if (result.kind !== 'unreadable') return [];
  const read = result.read ? ` (only "${result.read}" could be read)` : '';
  return [diagnostic('field.invalid-date', range, `"${name}" is not a date${read}: write e.g. 2024-03-14 09:30 UTC, or "Unknown"`)];
}

function checkEnum(value: string, range: Diagnostic['range'], name: string, values: readonly string[]): Diagnostic[] {
  const plain = value.replace(/[*_`]/g, '').trim();
  if (values.includes(plain)) return [];
  const sameButCase = values.find((allowed) => allowed.toLowerCase() === plain.toLowerCase());
  const fixes = values.map((allowed): Fix => ({ title: `Change to "${allowed}"`, edits: [{ ...range, newText: allowed }], isPreferred: allowed === sameButCase }));
  return [diagnostic('field.invalid-enum', range, `"${name}" must be one of ${values.join(', ')}`, fixes)];
}

/** The field with the `discovery` role dated before the one with the `incident-start` role. */
function discoveryBeforeIncident(context: RuleContext): Diagnostic[] {
  const discovery = fieldWithRole(context.match, 'discovery');
  const incident = fieldWithRole(context.match, 'incident-start');
  if (!discovery || !incident) return [];
  const incidentDate = readDate(incident.field.value, { timezone: context.timezone });
  if (incidentDate.kind !== 'date') return [];
  const discoveryDate = readDate(discovery.field.value, { timezone: context.timezone, referenceYear: incidentDate.start.getUTCFullYear() });
  if (discoveryDate.kind !== 'date') return [];
  // A date without a time is the whole day: only a discovery before it at every reading contradicts it.
  if (!isBefore(discoveryDate, incidentDate)) return [];
  const message = `${discovery.template.name} (${discovery.field.value}) is earlier than ${incident.template.name} (${incident.field.value})`;
  return [diagnostic('dates.discovery-before-incident', discovery.field.valueRange, message)];
}
