import { analyzeReport, type Analysis, type AnalysisOptions } from '../analyze';
import { applyEdits, diffAsEdit } from '../edits';
import { setFrontMatterValue } from '../frontMatterEdits';
import { sectionState } from '../match';
import { sectionAt } from '../report';
import { placeholderSet } from '../rules/shared';
import { hasRealContent, insertSectionEdit, markSectionNotApplicableEdits } from '../sectionEdits';
import type { TextEdit } from '../types';

/** Enough rounds for every attack-specific section of any sensible template, and a bound against a runaway loop. */
const MAX_ROUNDS = 200;

/**
 * Marks the report operational: every attack-specific section without real content says N/A, missing ones are
 * inserted as N/A at their template positions, and the front matter gets `kind: operational`. Sections someone
 * wrote are left alone. Returns one edit (so the change is one undo step), or null when there is nothing to do.
 */
export function markAttackSectionsNotApplicable(text: string, options: AnalysisOptions, reason: string): TextEdit | null {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = analyzeReport(current, { ...options, notApplicableReason: reason });
    const edits = nextNotApplicableEdits(analysis, reason);
    if (!edits) break;
    current = applyEdits(current, edits);
  }
  return diffAsEdit(text, current);
}

function nextNotApplicableEdits(analysis: Analysis, reason: string): TextEdit[] | null {
  const { report, match } = analysis;
  const placeholders = placeholderSet(analysis.template);
  for (const m of match.all) {
    if (!m.attackSpecific) continue;
    if (!m.section) {
      if (m.parent && !m.parent.section) continue;
      return [insertSectionEdit(report, m, match.sections, { notApplicable: (s) => s === m.template || s.attackSpecific, notApplicableReason: reason })];
    }
    if (sectionState(m.section) !== 'not-applicable' && !hasRealContent(m.section, placeholders)) {
      return markSectionNotApplicableEdits(report, m.section, reason, placeholders);
    }
  }
  const frontMatter = report.frontMatter;
  const yamlBroken = frontMatter !== null && frontMatter.document.errors.length > 0;
  if (!yamlBroken && frontMatter?.raw.kind !== 'operational') return [setFrontMatterValue(report, 'kind', 'operational')];
  return null;
}

/** Marks the section at `offset` N/A; null when the offset is in no section. */
export function markSectionNotApplicableAt(text: string, offset: number, options: AnalysisOptions, reason: string): { title: string; edit: TextEdit | null } | null {
  const analysis = analyzeReport(text, options);
  const section = sectionAt(analysis.report, offset);
  if (!section) return null;
  const edits = markSectionNotApplicableEdits(analysis.report, section, reason, placeholderSet(analysis.template));
  return { title: section.heading.title, edit: diffAsEdit(text, applyEdits(text, edits)) };
}
