// What a hover on an ATT&CK ID shows: plain data (Markdown text and the range it is about) that the extension and
// the language server hand to their hover APIs.
import type { Analysis } from '../analysis/analyze';
import type { AttackCatalog, AttackCheck, AttackTactic, AttackTechnique } from '../security/attack';
import type { Range } from '../types';

export interface Hover {
  readonly range: Range;
  /** Markdown; every text from the data is escaped. */
  readonly markdown: string;
}

/** The hover for the ATT&CK ID at the offset, or null when there is none there (or no ATT&CK data). */
export function attackHoverAt(analysis: Analysis, offset: number): Hover | null {
  const catalog = analysis.attack;
  const check = analysis.attackChecks.find(({ reference }) => reference.range.start <= offset && offset <= reference.range.end);
  if (!catalog || !check) return null;
  return { range: check.reference.range, markdown: hoverMarkdown(catalog, check).join('\n\n') };
}

function hoverMarkdown(catalog: AttackCatalog, check: AttackCheck): string[] {
  const release = `MITRE ATT&CK® Enterprise v${catalog.version}`;
  if (check.tactic) return [...tacticLines(check.tactic), link(check.tactic.url, release)];
  const technique = check.technique;
  if (!technique) return [`**${escapeMarkdown(check.reference.id)}** is not in ${escapeMarkdown(release)}.`];
  const lines = techniqueLines(catalog, technique);
  if (technique.revoked) {
    const by = check.replacement;
    lines.push(by ? `**Revoked**: replaced by **${escapeMarkdown(by.id)} ${escapeMarkdown(by.name)}**.` : '**Revoked** in ATT&CK.');
    if (by?.summary) lines.push(escapeMarkdown(by.summary));
  } else if (technique.deprecated) {
    lines.push('**Deprecated** in ATT&CK: no longer maintained.');
  }
  return [...lines, link(technique.url, release)];
}

function techniqueLines(catalog: AttackCatalog, technique: AttackTechnique): string[] {
  const lines = [`**${escapeMarkdown(technique.id)} ${escapeMarkdown(technique.name)}**`];
  const parent = technique.id.includes('.') ? catalog.technique(technique.id.slice(0, 5)) : undefined;
  const tactics = technique.tactics.map((shortname) => catalog.tacticByShortname(shortname)?.name ?? shortname);
  const kind = parent ? `Sub-technique of ${escapeMarkdown(parent.id)} ${escapeMarkdown(parent.name)}` : 'Technique';
  lines.push(tactics.length > 0 ? `${kind} · *${escapeMarkdown(tactics.join(', '))}*` : kind);
  if (technique.summary) lines.push(escapeMarkdown(technique.summary));
  return lines;
}

function tacticLines(tactic: AttackTactic): string[] {
  return [`**${escapeMarkdown(tactic.id)} ${escapeMarkdown(tactic.name)}**`, 'Tactic', escapeMarkdown(tactic.summary)];
}

function link(url: string, release: string): string {
  return `[${escapeMarkdown(url.replace(/^https:\/\//, ''))}](${url}) · ${escapeMarkdown(release)}`;
}

/**
 * Text shown as written: the Markdown punctuation that could start emphasis, code, a link, a table cell or HTML
 * inside a line is backslash-escaped (no line built here starts with the text, so block markers cannot occur).
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|&~]/g, (character) => `\\${character}`);
}
