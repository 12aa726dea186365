// The ATT&CK IDs of a parsed report, each checked against the catalog under the tactic label it stands under.
import { sectionAt, type ParsedReport } from '../parse/report';
import { checkAttackReference, findAttackIds, type AttackCatalog, type AttackCheck } from './attack';

/**
 * Every ATT&CK ID of the report's body (its front matter is metadata), checked. The tactic label of an ID is the
 * field name of its line (`- **Lateral Movement:** T1021`), else a cell of its table row that names tactics
 * (`| Initial Access | T1566 |`), else the heading of the section it stands in.
 */
export function checkReportAttack(report: ParsedReport, catalog: AttackCatalog): AttackCheck[] {
  const bodyStart = report.frontMatter?.range.end ?? 0;
  const references = findAttackIds(report.text).filter((reference) => reference.range.start >= bodyStart);
  return references.map((reference) => checkAttackReference(catalog, report.text, reference, tacticLabel(report, catalog, reference.range.start)));
}

/** The tactic label of the line at the offset: its field's name, else its table row's cell that names tactics, else its section's heading. */
function tacticLabel(report: ParsedReport, catalog: AttackCatalog, offset: number): string | null {
  const section = sectionAt(report, offset);
  if (!section) return null;
  const { line } = report.lines.positionAt(offset);
  const field = section.fields.find((candidate) => candidate.line === line);
  if (field) return field.name;
  for (const table of section.tables) {
    const cell = table.rows.find((row) => row.line === line)?.cells.find((candidate) => catalog.tacticsNamedBy(candidate.text.trim()).length > 0);
    if (cell) return cell.text.trim();
  }
  return section.heading.title;
}
