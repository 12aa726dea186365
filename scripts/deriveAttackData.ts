// Turns the shared ATT&CK extract (../shared/attack/enterprise-attack.json) into the project's compact data
// (data/attack/enterprise-attack.json). Pure, so that a unit test can check that the committed file is up to date.
import { parseAttackData, type AttackData, type AttackTactic, type AttackTechnique } from '../src/core/security/attack';

interface SharedAttack {
  source: string;
  release: string;
  copyright: string;
  tactics: AttackTactic[];
  techniques: AttackTechnique[];
}

/** The kill chain of ATT&CK Enterprise; the shared extract lists its tactics in this order, which is checked. */
const KILL_CHAIN = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
];

export function deriveAttackData(shared: SharedAttack): AttackData {
  const version = /\bv(\d+(?:\.\d+)?)\b/.exec(shared.release)?.[1];
  if (!version) throw new Error(`No ATT&CK version in release "${shared.release}"`);
  const shortnames = shared.tactics.map((tactic) => tactic.shortname);
  if (shortnames.join() !== KILL_CHAIN.join()) throw new Error(`Tactics are not in kill-chain order: ${shortnames.join(', ')}`);
  const ids = new Set(shared.techniques.map((technique) => technique.id));
  if (ids.size !== shared.techniques.length) throw new Error('Duplicate technique IDs');
  const techniques = shared.techniques
    .map((technique): AttackTechnique => {
      const unknownTactic = technique.tactics.find((shortname) => !shortnames.includes(shortname));
      if (unknownTactic) throw new Error(`${technique.id}: unknown tactic ${unknownTactic}`);
      if (technique.revokedBy !== undefined && !ids.has(technique.revokedBy)) throw new Error(`${technique.id}: revoked by unknown ${technique.revokedBy}`);
      return {
        id: technique.id,
        name: technique.name,
        tactics: technique.tactics,
        ...(technique.summary !== undefined && { summary: technique.summary }),
        url: technique.url,
        stixId: technique.stixId,
        ...(technique.deprecated && { deprecated: true }),
        ...(technique.revoked && { revoked: true }),
        ...(technique.revokedBy !== undefined && { revokedBy: technique.revokedBy }),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tactics = shared.tactics.map(({ id, name, shortname, url, summary }) => ({ id, name, shortname, url, summary }));
  return parseAttackData({ domain: 'enterprise-attack', version, source: shared.source, copyright: shared.copyright, tactics, techniques });
}

/** JSON with one tactic or technique per line: compact, and a new ATT&CK release diffs line by line. */
export function serializeAttackData(data: AttackData): string {
  const list = (items: readonly object[]) => `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n]`;
  const { tactics, techniques, ...header } = data;
  const fields = [...Object.entries(header).map(([key, value]) => `"${key}": ${JSON.stringify(value)}`), `"tactics": ${list(tactics)}`, `"techniques": ${list(techniques)}`];
  return `{\n${fields.join(',\n')}\n}\n`;
}
