// The ATT&CK IDs of a parsed report, each checked against the catalog under the tactic label it stands under.
import type { ParsedReport } from '../parse/report';
import { checkAttackReference, findAttackIds, type AttackCatalog, type AttackCheck } from './attack';

/**
 * Every ATT&CK ID of the report's body (its front matter is metadata), checked. The tactic label of an ID is the
 * field name of its line (`- **Lateral Movement:** T1021`), else a cell of its table row that names tactics
 * (`| Initial Access | T1566 |`), else the heading of the section it stands in.
 */
export function checkReportAttack(report: ParsedReport, catalog: AttackCatalog): AttackCheck[] {
  const bodyStart = report.frontMatter?.range.end ?? 0;
  const references = findAttackIds(report.text).filter((reference) => reference.range.start >= bodyStart);
  if (references.length === 0) return [];
  const labelOf = tacticLabels(report, catalog);
  return references.map((reference) => checkAttackReference(catalog, report.text, reference, labelOf(report.lines.positionAt(reference.range.start).line)));
}

/** The tactic label of each line, computed once for the report: a lookup of fields and rows, and each line's section. */
function tacticLabels(report: ParsedReport, catalog: AttackCatalog): (line: number) => string | null {
  const labels = new Map<number, string>();
  const headings: (string | undefined)[] = new Array(report.lines.lineCount);
  for (const section of report.allSections) {
    // Sections come in document order and a subsection's lines are written after its parent's: the innermost wins.
    const first = section.heading.line;
    const last = report.lines.positionAt(section.range.end).line;
    headings.fill(section.heading.title, first, last + 1);
    for (const field of section.fields) labels.set(field.line, field.name);
    for (const row of section.tables.flatMap((table) => table.rows)) {
      const cell = row.cells.find((candidate) => catalog.tacticsNamedBy(candidate.text.trim()).length > 0);
      if (cell && !labels.has(row.line)) labels.set(row.line, cell.text.trim());
    }
  }
  return (line) => labels.get(line) ?? headings[line] ?? null;
}
