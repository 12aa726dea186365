import type { Analysis } from '../analysis/analyze';
import type { ExportedDiagnostic, ReportExport } from './exportSchema';
import type { LineIndex } from '../text/lineIndex';
import { matchFields, sectionState, type SectionMatch } from '../template/match';
import type { Section } from '../parse/report';
import { MAX_HEADING_LEVEL, placementOf } from '../edits/sections';
import { timelineToJson } from './timeline';
import type { Diagnostic } from '../diagnostics';
import { findIndicators, type Indicator } from '../security/indicators';
import { exportAttack, exportIndicators } from './securityExport';

/** The structured form of a report (`schemas/report.schema.json`): lines and columns 1-based. */
export function exportReport(file: string, analysis: Analysis): ReportExport {
  const frontMatter = analysis.report.frontMatter;
  const lineOf = (offset: number) => analysis.report.lines.positionAt(offset).line + 1;
  return {
    file,
    kind: analysis.kind,
    template: analysis.template.id,
    frontMatter: frontMatter ? frontMatter.raw : null,
    fields: exportFields(analysis),
    sections: exportSections(analysis),
    timeline: timelineToJson(analysis.timeline),
    attack: exportAttack(analysis.attackChecks, lineOf),
    indicators: exportIndicators(reportIndicators(analysis), lineOf),
    diagnostics: exportDiagnostics(analysis.report.lines, analysis.diagnostics),
  };
}

/** Every indicator of the report's body (the front matter is metadata), with ranges in the whole text. */
export function reportIndicators(analysis: Analysis): Indicator[] {
  const bodyStart = analysis.report.frontMatter?.range.end ?? 0;
  return findIndicators(analysis.report.text.slice(bodyStart)).map((indicator) => ({
    ...indicator,
    range: { start: bodyStart + indicator.range.start, end: bodyStart + indicator.range.end },
  }));
}

export function exportDiagnostics(lines: LineIndex, diagnostics: readonly Diagnostic[]): ExportedDiagnostic[] {
  return diagnostics.map(({ rule, severity, message, range }) => {
    const start = lines.positionAt(range.start);
    const end = lines.positionAt(range.end);
    return { rule, severity, message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  });
}

function exportFields(analysis: Analysis): Record<string, string> {
  const nameCounts = new Map<string, number>();
  for (const match of analysis.match.all) {
    for (const field of match.template.fields) nameCounts.set(field.name, (nameCounts.get(field.name) ?? 0) + 1);
  }
  const fields: Record<string, string> = {};
  for (const match of analysis.match.all) {
    if (!match.section) continue;
    for (const { template, field } of matchFields(match.section, match.template)) {
      const key = nameCounts.get(template.name)! > 1 ? `${match.template.title} > ${template.name}` : template.name;
      if (field && !(key in fields)) fields[key] = field.value;
    }
  }
  return fields;
}

type ExportedSection = ReportExport['sections'][number];

/** Present sections in document order, each missing template section placed where it would be inserted. */
function exportSections(analysis: Analysis): ExportedSection[] {
  const { report, match } = analysis;
  const templateTitles = new Map<Section, string>();
  for (const found of match.all) {
    for (const section of found.section ? [found.section, ...found.duplicates] : []) templateTitles.set(section, found.template.title);
  }
  const present = report.allSections.map((section) => ({
    title: templateTitles.get(section) ?? section.heading.title,
    level: section.heading.level,
    line: section.heading.line + 1,
    state: sectionState(section),
  }));
  const insertionLine = (found: SectionMatch): number =>
    found.parent && !found.parent.section
      ? insertionLine(found.parent)
      : report.lines.positionAt(placementOf(report, found, match.sections).offset).line + 1;
  const missing = match.all
    .filter((found) => !found.section)
    .map((found) => ({ title: found.template.title, level: Math.min(MAX_HEADING_LEVEL, placementOf(report, found, match.sections).level), line: insertionLine(found), state: 'missing' as const }));
  // A stable sort keeps template order among missing sections and puts them before the heading they are inserted at.
  return [...missing, ...present].sort((a, b) => a.line - b.line);
}
