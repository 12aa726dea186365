import { analyzeReport, type Analysis, type AnalysisOptions } from '../analysis/analyze';
import { applyEdits, diffAsEdit } from '../edits/apply';
import { setFrontMatterValue } from '../edits/frontMatter';
import { sectionState } from '../template/match';
import { sectionAt } from '../parse/report';
import { placeholdersOfAll } from '../analysis/rules/shared';
import type { TemplateSection } from '../template/schema';
import { hasRealContent, insertSectionEdit, markSectionNotApplicableEdits } from '../edits/sections';
import type { TextEdit } from '../types';

/**
 * Marks the report operational: every attack-specific section without real content says N/A, missing ones are
 * inserted as N/A at their template positions, and the front matter gets `kind: operational`. Sections someone
 * wrote are left alone. Returns one edit (so the change is one undo step), or null when there is nothing to do.
 *
 * Each step is computed on the text the previous one produced, and each template section is acted on at most
 * once: a step that does not have the effect it should (a heading that does not parse back where it was put)
 * can therefore never repeat.
 */
export function markAttackSectionsNotApplicable(text: string, options: AnalysisOptions, reason: string): TextEdit | null {
  let current = text;
  const done = new Set<TemplateSection | 'kind'>();
  for (;;) {
    const analysis = analyzeReport(current, { ...options, notApplicableReason: reason });
    const step = nextStep(analysis, placeholdersOfAll(options.templates), reason, done);
    if (!step) break;
    done.add(step.target);
    if (step.edits.length > 0) current = applyEdits(current, step.edits);
  }
  return diffAsEdit(text, current);
}

interface Step {
  readonly target: TemplateSection | 'kind';
  /** Empty when the target cannot be changed (a section that would be nested deeper than six levels). */
  readonly edits: readonly TextEdit[];
}

function nextStep(analysis: Analysis, placeholders: ReadonlySet<string>, reason: string, done: ReadonlySet<TemplateSection | 'kind'>): Step | null {
  const { report, match } = analysis;
  for (const m of match.all) {
    if (!m.attackSpecific || done.has(m.template)) continue;
    if (!m.section) {
      if (m.parent && !m.parent.section) continue;
      const edit = insertSectionEdit(report, m, match.sections, { notApplicable: (s) => s === m.template || s.attackSpecific, notApplicableReason: reason });
      return { target: m.template, edits: edit ? [edit] : [] };
    }
    if (sectionState(m.section) !== 'not-applicable' && !hasRealContent(report, m.section, placeholders)) {
      return { target: m.template, edits: markSectionNotApplicableEdits(report, m.section, reason, placeholders) };
    }
  }
  const frontMatter = report.frontMatter;
  // Broken YAML is left for its author to repair, a key written twice included: which of the two would be replaced?
  const yamlBroken = frontMatter !== null && frontMatter.diagnostics.some((d) => d.rule === 'frontmatter.syntax');
  if (!done.has('kind') && !yamlBroken && frontMatter?.raw.kind !== 'operational') return { target: 'kind', edits: [setFrontMatterValue(report, 'kind', 'operational')] };
  return null;
}

/** Marks the section at `offset` N/A; null when the offset is in no section. */
export function markSectionNotApplicableAt(text: string, offset: number, options: AnalysisOptions, reason: string): { title: string; edit: TextEdit | null } | null {
  const analysis = analyzeReport(text, options);
  const section = sectionAt(analysis.report, offset);
  if (!section) return null;
  const edits = markSectionNotApplicableEdits(analysis.report, section, reason, placeholdersOfAll(options.templates));
  return { title: section.heading.title, edit: diffAsEdit(text, applyEdits(text, edits)) };
}
