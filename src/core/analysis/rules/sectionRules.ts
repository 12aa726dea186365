import { sectionState, type SectionMatch } from '../../template/match';
import { fitsAtLevel, insertSectionEdit, markSectionNotApplicableEdits, moveSectionEdit } from '../../edits/sections';
import { PlaceholderWriter, renderSection } from '../../template/render';
import type { TemplateSection } from '../../template/schema';
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics';
import type { RuleContext } from '../context';
import { placeholderSet, showsNotApplicable } from './shared';

export function checkSections(context: RuleContext): Diagnostic[] {
  return [...missingSections(context), ...emptySections(context), ...misplacedSections(context), ...duplicateSections(context), ...misspelledHeadings(context)];
}

function missingSections(context: RuleContext): Diagnostic[] {
  const { report, match } = context;
  const anchor = report.title?.range ?? { start: 0, end: Math.min(report.lines.lineEnd(0), report.text.length) };
  const misspelled = new Set(match.unmatched.map((unmatched) => unmatched.suggestion));
  return match.all
    .filter((m) => m.section === null && m.template.required && (m.parent === null || m.parent.section !== null) && !misspelled.has(m.template))
    .map((m) => {
      const asNotApplicable = showsNotApplicable(context, m);
      const insert = (notApplicable: boolean): Fix[] => {
        const edit = insertSectionEdit(report, m, match.sections, {
          notApplicable: (s) => (s === m.template ? notApplicable : context.kind === 'operational' && s.attackSpecific),
          notApplicableReason: context.notApplicableReason,
        });
        if (!edit) return [];
        return [{ title: notApplicable ? `Insert "${m.template.title}" as N/A` : `Insert section "${m.template.title}"`, edits: [edit], isPreferred: notApplicable === asNotApplicable }];
      };
      const fixes = m.attackSpecific ? [...insert(asNotApplicable), ...insert(!asNotApplicable)] : insert(false);
      const where = m.parent?.section ? m.parent.section.heading.range : anchor;
      const inside = m.parent ? ` in "${m.parent.template.title}"` : '';
      return diagnostic('section.missing', where, `Missing required section "${m.template.title}"${inside}`, fixes);
    });
}

function emptySections(context: RuleContext): Diagnostic[] {
  const placeholders = placeholderSet(context.template);
  return context.match.all
    .filter((m) => m.section && sectionState(m.section) === 'empty')
    .map((m) => {
      const section = m.section!;
      const markNotApplicable: Fix = {
        title: `Mark "${m.template.title}" N/A`,
        edits: markSectionNotApplicableEdits(context.report, section, context.notApplicableReason, placeholders),
        isPreferred: showsNotApplicable(context, m),
      };
      const fixes = [markNotApplicable];
      const hasSkeleton = m.template.fields.length > 0 || m.template.placeholder || m.template.sections.length > 0;
      if (hasSkeleton && section.children.length === 0 && fitsAtLevel(section.heading.level, m.template)) {
        const eol = context.report.lines.eol;
        const notApplicable = (s: TemplateSection) => context.kind === 'operational' && s.attackSpecific;
        const skeleton = renderSection(m.template, { level: section.heading.level, notApplicable, notApplicableReason: context.notApplicableReason }, new PlaceholderWriter('text')).slice(2);
        while (skeleton[skeleton.length - 1] === '') skeleton.pop();
        // An empty section may hold comments (disable comments among them): they stay, after the new content.
        const comments = section.blocks.map((block) => block.text.trimEnd());
        const atEnd = section.bodyRange.end >= context.report.text.length;
        fixes.push({
          title: `Add the template's content for "${m.template.title}"`,
          edits: [{ start: section.bodyRange.start, end: section.bodyRange.end, newText: eol + [skeleton.join(eol), ...comments].join(eol + eol) + eol + (atEnd ? '' : eol) }],
          isPreferred: !showsNotApplicable(context, m),
        });
      }
      return diagnostic('section.empty', section.heading.range, `Section "${section.heading.title}" is empty: write it, or mark it N/A`, fixes);
    });
}

/**
 * Sections out of template order: those outside the longest run of sections that already follow the template's
 * order (so "Recommendations" written first is the one to move, not the eight sections after it). Each is moved
 * after the nearest section of that run the template puts before it, or before the nearest one it puts after it.
 */
function misplacedSections(context: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (siblings: readonly SectionMatch[]) => {
    // A section written twice has no one place: section.duplicate asks to merge it first.
    const present = siblings.filter((m) => m.section && m.duplicates.length === 0).sort((a, b) => a.section!.range.start - b.section!.range.start);
    const inOrder = new Set(longestInOrder(present));
    for (const m of present) {
      if (inOrder.has(m)) continue;
      const before = [...inOrder].filter((other) => other.index < m.index).pop();
      const after = [...inOrder].find((other) => other.index > m.index);
      const where = before ? `after "${before.template.title}"` : `before "${after!.template.title}"`;
      const move = moveSectionEdit(context.report, m, context.match.sections, inOrder);
      found.push(
        diagnostic(
          'section.order',
          m.section!.heading.range,
          `"${m.template.title}" should come ${where}, as in the template`,
          move ? [{ title: `Move "${m.template.title}" to its template position`, edits: [move], isPreferred: true }] : [],
        ),
      );
    }
    for (const m of siblings) visit(m.children);
  };
  visit(context.match.sections);
  return found;
}

/** The longest subsequence of sections (in document order) whose template positions increase; the earliest such. */
function longestInOrder(sections: readonly SectionMatch[]): SectionMatch[] {
  const length: number[] = [];
  const previous: number[] = [];
  sections.forEach((m, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (sections[j].index < m.index && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  });
  let last = length.indexOf(Math.max(0, ...length));
  const run: SectionMatch[] = [];
  for (; last !== -1; last = previous[last]) run.unshift(sections[last]);
  return run;
}

function duplicateSections(context: RuleContext): Diagnostic[] {
  return context.match.all.flatMap((m) =>
    m.duplicates.map((duplicate) =>
      diagnostic('section.duplicate', duplicate.heading.range, `"${m.template.title}" already appears on line ${m.section!.heading.line + 1}: merge the two`),
    ),
  );
}

function spansLines(context: RuleContext, range: { start: number; end: number }): boolean {
  return /[\r\n]/.test(context.report.text.slice(range.start, range.end));
}

function misspelledHeadings(context: RuleContext): Diagnostic[] {
  return context.match.unmatched
    .filter((unmatched) => unmatched.suggestion)
    .map(({ section, suggestion }) =>
      diagnostic('section.misspelled', section.heading.titleRange, `Unknown section "${section.heading.title}": did you mean "${suggestion!.title}"?`, [
        // A title written over several lines (a setext heading) holds more than a misspelling: Fix All leaves it.
        { title: `Rename to "${suggestion!.title}"`, edits: [{ ...section.heading.titleRange, newText: suggestion!.title }], isPreferred: !spansLines(context, section.heading.titleRange) },
      ]),
    );
}
