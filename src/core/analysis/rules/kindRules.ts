import { setFrontMatterValue } from '../../edits/frontMatter';
import { matchFields, sectionState, type ReportMatch } from '../../template/match';
import { isNotApplicable } from '../../parse/notApplicable';
import type { ReportKind } from '../../types';
import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { RuleContext } from '../context';

/**
 * Operational when the report's attack-specific content is N/A: every attack-specific section that is present
 * says N/A, or (for reports written by hand) at least half of its attack-specific items do, an item being
 * a field of an attack-specific section, or a whole section that has no fields.
 */
export function inferKind(match: ReportMatch): ReportKind {
  const attack = match.all.filter((m) => m.template.attackSpecific && m.section);
  if (attack.length === 0) return 'security';
  if (attack.every((m) => sectionState(m.section) === 'not-applicable')) return 'operational';
  let items = 0;
  let notApplicable = 0;
  for (const m of attack) {
    const sectionNotApplicable = sectionState(m.section) === 'not-applicable';
    const fields = matchFields(m.section!, m.template).filter((f) => f.field);
    if (fields.length === 0) {
      items++;
      if (sectionNotApplicable) notApplicable++;
      continue;
    }
    items += fields.length;
    notApplicable += sectionNotApplicable ? fields.length : fields.filter((f) => isNotApplicable(f.field!.value)).length;
  }
  return notApplicable * 2 >= items ? 'operational' : 'security';
}

/** A security report whose attack sections (Initial Access, Attack Methodology, Indicators of Compromise, …) are all N/A. */
export function checkKind(context: RuleContext): Diagnostic[] {
  if (context.kind !== 'security') return [];
  const attack = context.match.all.filter((m) => m.template.attackSpecific && m.template.required);
  if (attack.length === 0 || !attack.every((m) => sectionState(m.section) === 'not-applicable')) return [];
  const range = context.report.frontMatter?.range ?? context.report.title?.range ?? { start: 0, end: 0 };
  return [
    diagnostic('kind.attack-sections-not-applicable', range, 'Every attack section is N/A: this reads as an operational incident', [
      { title: 'Set "kind: operational"', edits: [setFrontMatterValue(context.report, 'kind', 'operational')], isPreferred: true },
    ]),
  ];
}
