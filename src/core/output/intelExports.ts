// A report as the formats threat-intelligence analysts exchange: a STIX 2.1 bundle and an ATT&CK Navigator layer.
// What goes in comes from the template's roles (the summary, the affected organisation) and the security checks.
import type { Analysis } from '../analysis/analyze';
import { isNotApplicable } from '../parse/notApplicable';
import type { AttackCatalog } from '../security/attack';
import { placeholderSet } from '../analysis/rules/shared';
import { fieldWithRole } from '../template/match';
import { plainText } from '../timeline/plainText';
import { reportIndicators } from './export';
import { navigatorLayer, type NavigatorLayer } from './navigator';
import { stixBundle, type StixBundle } from './stix';

/**
 * The report as a STIX 2.1 bundle. Its ids derive from the front matter's `id` (else the file name), and it is
 * published at the report's last dated event (else `now`), so that exporting the same report again gives the same
 * bundle.
 */
export function reportStixBundle(file: string, analysis: Analysis, now: Date): StixBundle {
  const frontMatter = analysis.report.frontMatter?.data;
  const dated = analysis.timeline.events.filter((event) => event.at !== null);
  const last = dated.map((event) => event.end ?? event.at!).sort().at(-1);
  const first = dated.map((event) => event.at!).sort()[0];
  const organisation = fieldWithRole(analysis.match, 'organization')?.field.value ?? '';
  return stixBundle({
    seed: frontMatter?.id !== undefined ? String(frontMatter.id) : file,
    title: reportTitle(file, analysis),
    summary: summaryOf(analysis),
    published: last ?? now.toISOString(),
    created: first ?? null,
    organisation: written(analysis, organisation) ? organisation : null,
    tlp: frontMatter?.tlp ?? null,
    techniques: analysis.attackChecks.flatMap(({ technique, replacement, status }) => {
      const cited = status === 'revoked' ? replacement : status === 'unknown' ? undefined : technique;
      return cited ? [{ id: cited.id, name: cited.name, url: cited.url, tactics: cited.tactics }] : [];
    }),
    indicators: reportIndicators(analysis).map(({ type, value }) => ({ type, value })),
  });
}

/** The report's techniques as an ATT&CK Navigator layer, each annotated with the lines that cite it. */
export function reportNavigatorLayer(file: string, analysis: Analysis, catalog: AttackCatalog): NavigatorLayer {
  const lines = analysis.report.lines;
  return navigatorLayer(catalog, {
    name: reportTitle(file, analysis),
    description: summaryOf(analysis),
    file,
    references: analysis.attackChecks.flatMap(({ reference, technique, listedUnder }) =>
      technique
        ? [{ id: technique.id, line: lines.positionAt(reference.range.start).line + 1, tactic: (listedUnder.find((tactic) => technique.tactics.includes(tactic.shortname)) ?? listedUnder[0])?.shortname ?? null }]
        : [],
    ),
  });
}

function reportTitle(file: string, analysis: Analysis): string {
  return analysis.report.title?.title ?? file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}

/** The plain text of the section whose role is `summary`, when it is written (not a placeholder, not N/A). */
function summaryOf(analysis: Analysis): string | null {
  const section = analysis.match.all.find((m) => m.template.role === 'summary')?.section;
  const text = section?.lines.map((line) => plainText(line.text)).join('\n').trim() ?? '';
  return written(analysis, text) ? text : null;
}

function written(analysis: Analysis, text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && !isNotApplicable(trimmed) && !placeholderSet(analysis.template).has(trimmed);
}
