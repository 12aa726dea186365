import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { AttackCatalog, AttackCheck, AttackTactic } from '../../security/attack';
import type { RuleContext } from '../context';

/** The ATT&CK IDs of the report, checked when the catalog is loaded: unknown, revoked, deprecated, under the wrong tactic, misnamed. */
export function checkAttack(context: RuleContext): Diagnostic[] {
  const catalog = context.attack;
  if (!catalog) return [];
  return context.attackChecks.flatMap((check) => attackDiagnostics(catalog, check));
}

function attackDiagnostics(catalog: AttackCatalog, check: AttackCheck): Diagnostic[] {
  const { reference, technique, replacement } = check;
  const range = reference.range;
  const release = `ATT&CK Enterprise v${catalog.version}`;
  const found: Diagnostic[] = [];
  switch (check.status) {
    case 'unknown':
      found.push(diagnostic('attack.unknown-id', range, `${reference.id} is not ${reference.kind === 'tactic' ? 'a tactic' : 'a technique'} of ${release}`));
      break;
    case 'revoked': {
      const name = `${reference.id} (${technique!.name})`;
      if (!replacement) {
        found.push(diagnostic('attack.revoked', range, `${name} is revoked in ${release}`));
        break;
      }
      const fix = { title: `Replace with ${replacement.id} (${replacement.name})`, edits: [{ ...range, newText: replacement.id }], isPreferred: true };
      found.push(diagnostic('attack.revoked', range, `${name} is revoked in ${release}: use ${replacement.id} (${replacement.name})`, reference.inUrl ? [] : [fix]));
      break;
    }
    case 'deprecated':
      found.push(diagnostic('attack.deprecated', range, `${reference.id} (${technique!.name}) is deprecated in ${release}: describe the behaviour with a current technique`));
      break;
    case 'valid':
      break;
  }
  if (check.tacticMismatch) {
    const { labelTactics, techniqueTactics } = check.tacticMismatch;
    found.push(
      diagnostic(
        'attack.tactic-mismatch',
        range,
        `${reference.id} (${technique!.name}) is not a technique of ${names(labelTactics)}: ATT&CK lists it under ${names(techniqueTactics)}`,
      ),
    );
  }
  if (check.nameMismatch) {
    const { written, expected } = check.nameMismatch;
    const fix = { title: `Use ATT&CK's name "${expected}"`, edits: [{ ...check.nameMismatch.range, newText: expected }], isPreferred: true };
    found.push(diagnostic('attack.name-mismatch', check.nameMismatch.range, `ATT&CK names ${reference.id} "${expected}", not "${written}"`, [fix]));
  }
  return found;
}

function names(tactics: readonly AttackTactic[]): string {
  return tactics.map((tactic) => tactic.name).join(' or ');
}
