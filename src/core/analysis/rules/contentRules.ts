import { diagnostic, type Diagnostic } from '../../diagnostics';
import { isUnfilled } from '../../edits/sections';
import type { RuleContext } from '../context';
import { placeholderSet } from './shared';

const TODO_MARKER = /\b(TODO|TBD|FIXME|XXX)\b/g;

/**
 * Placeholders left from the template (a whole field value or paragraph), and TODO-style markers anywhere in the
 * text. A section that is all placeholders, as a new report's are, gets one quiet hint instead of a warning each.
 */
export function checkContent(context: RuleContext): Diagnostic[] {
  const placeholders = placeholderSet(context.template);
  const found: Diagnostic[] = [];
  for (const section of context.report.allSections) {
    const unfilled = isUnfilled(context.report, section, placeholders);
    if (unfilled) found.push(diagnostic('content.unfilled', section.heading.range, `"${section.heading.title}" is not filled in yet`));
    for (const field of unfilled ? [] : section.fields) {
      if (placeholders.has(field.value)) found.push(diagnostic('content.placeholder', field.valueRange, `Replace the placeholder "${field.value}" of "${field.name}"`));
    }
    for (const line of section.lines) {
      if (placeholders.has(line.text) && !unfilled) found.push(diagnostic('content.placeholder', line.range, `Replace the placeholder "${line.text}"`));
      // exec on the shared expression: matchAll would copy it for each line, and most lines have no marker.
      TODO_MARKER.lastIndex = 0;
      for (let marker = TODO_MARKER.exec(line.text); marker; marker = TODO_MARKER.exec(line.text)) {
        const start = line.range.start + marker.index;
        found.push(diagnostic('content.todo', { start, end: start + marker[0].length }, `${marker[1]} left in the report`));
      }
    }
  }
  return found;
}
