import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkAttackReference,
  findAttackIds,
  parseAttackData,
  suggestTechniques,
  type AttackCheck,
  type AttackData,
} from '../../src/core/security/attack';
import { deriveAttackData, serializeAttackData } from '../../scripts/deriveAttackData';
import { ATTACK_DATA, CATALOG } from './attackCatalog';
import { readProjectFile, ROOT } from './helpers';

const SHARED = join(ROOT, '..', 'shared', 'attack');

/** Finds the one ID `id` in `text` and checks it under `label`. */
function check(text: string, id: string, label: string | null = null): AttackCheck {
  const references = findAttackIds(text).filter((r) => r.id === id);
  assert.equal(references.length, 1, `expected ${id} once in ${JSON.stringify(text)}`);
  return checkAttackReference(CATALOG, text, references[0], label);
}

function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

suite('ATT&CK data', () => {
  test('data/attack/ is what `npm run attack-data` makes from ../shared (skipped without ../shared; CI has it)', function () {
    if (!existsSync(join(SHARED, 'enterprise-attack.json'))) {
      console.log('      ../shared/attack is absent: the ATT&CK data freshness check is skipped');
      this.skip();
    }
    const shared = JSON.parse(readFileSync(join(SHARED, 'enterprise-attack.json'), 'utf8'));
    assert.equal(readProjectFile('data', 'attack', 'enterprise-attack.json'), serializeAttackData(deriveAttackData(shared)), 'run `npm run attack-data`');
    assert.equal(readProjectFile('data', 'attack', 'LICENSE.txt'), readFileSync(join(SHARED, 'LICENSE.txt'), 'utf8'));
  });

  test('ATT&CK Enterprise 18.1: 14 tactics in kill-chain order, 835 techniques, with MITRE’s copyright and license beside it', () => {
    assert.equal(CATALOG.version, '18.1');
    assert.equal(CATALOG.majorVersion, '18');
    assert.equal(ATTACK_DATA.techniques.length, 835);
    assert.deepEqual(
      CATALOG.tactics.map((t) => t.shortname),
      [
        'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion',
        'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact',
      ],
    );
    assert.match(CATALOG.copyright, /© 2025 The MITRE Corporation/);
    assert.match(readProjectFile('data', 'attack', 'LICENSE.txt'), /reproduce\s+MITRE's copyright designation and this license/);
  });

  test('the derivation refuses tactics out of kill-chain order and dangling references', () => {
    const shared = {
      source: 's',
      release: 'ATT&CK v18.1 Enterprise\n',
      copyright: 'c',
      tactics: ATTACK_DATA.tactics.map((t) => ({ ...t })),
      techniques: [{ id: 'T1002', name: 'Data Compressed', tactics: ['exfiltration'], url: 'u', stixId: 's', revoked: true, revokedBy: 'T1560' }],
    };
    assert.throws(() => deriveAttackData(shared), /revoked by unknown T1560/);
    assert.throws(() => deriveAttackData({ ...shared, techniques: [], tactics: [...shared.tactics].reverse() }), /kill-chain order/);
    assert.throws(() => deriveAttackData({ ...shared, techniques: [], release: 'ATT&CK' }), /No ATT&CK version/);
    assert.equal(deriveAttackData({ ...shared, techniques: [] }).version, '18.1');
  });

  test('parseAttackData accepts the data and names the first bad path of anything else', () => {
    assert.equal(parseAttackData(ATTACK_DATA), ATTACK_DATA);
    const broken = (change: (data: Record<string, any>) => void): unknown => {
      const copy = structuredClone(ATTACK_DATA) as unknown as Record<string, any>;
      change(copy);
      return copy;
    };
    assert.throws(() => parseAttackData(null), /^Error: \$: expected an object$/);
    assert.throws(() => parseAttackData(broken((d) => (d.domain = 'mobile-attack'))), /\$\.domain/);
    assert.throws(() => parseAttackData(broken((d) => delete d.version)), /\$\.version: expected a string/);
    assert.throws(() => parseAttackData(broken((d) => (d.tactics[3].id = 'T0001'))), /\$\.tactics\[3\]\.id: not a tactic ID/);
    assert.throws(() => parseAttackData(broken((d) => (d.techniques[5].tactics = 'execution'))), /\$\.techniques\[5\]\.tactics: expected an array/);
    assert.throws(() => parseAttackData(broken((d) => (d.techniques[0].id = 'T1'))), /\$\.techniques\[0\]\.id: not a technique ID/);
    assert.throws(() => parseAttackData(broken((d) => (d.techniques[1].revoked = 'yes'))), /\$\.techniques\[1\]\.revoked: expected a boolean/);
  });
});

suite('ATT&CK catalog', () => {
  test('looks techniques, sub-techniques and tactics up by ID', () => {
    assert.equal(CATALOG.technique('T1566')?.name, 'Phishing');
    assert.equal(CATALOG.technique('T1566.001')?.name, 'Spearphishing Attachment');
    assert.equal(CATALOG.technique('T1566.001')?.url, 'https://attack.mitre.org/techniques/T1566/001');
    assert.equal(CATALOG.technique('T9999'), undefined);
    assert.equal(CATALOG.tactic('TA0008')?.name, 'Lateral Movement');
    assert.equal(CATALOG.tactic('TA0099'), undefined);
    assert.equal(CATALOG.tacticByShortname('impact')?.id, 'TA0040');
  });

  test('reads a tactic from its name, shortname or abbreviation, whatever the case, "&" or spacing', () => {
    for (const name of ['Command and Control', 'command-and-control', 'Command & Control', 'COMMAND_AND_CONTROL', ' command  and control ', 'C2', 'C&C']) {
      assert.equal(CATALOG.tacticByName(name)?.id, 'TA0011', name);
    }
    assert.equal(CATALOG.tacticByName('Recon')?.shortname, 'reconnaissance');
    assert.equal(CATALOG.tacticByName('Exfil')?.shortname, 'exfiltration');
    assert.equal(CATALOG.tacticByName('Detection & Response'), undefined);
  });

  test('a label names tactics only when each of its parts is one', () => {
    assert.deepEqual(CATALOG.tacticsNamedBy('Exfiltration/Impact').map((t) => t.shortname), ['exfiltration', 'impact']);
    assert.deepEqual(CATALOG.tacticsNamedBy('Data Theft/Impact'), []);
    assert.deepEqual(CATALOG.tacticsNamedBy('Persistence, Privilege Escalation').map((t) => t.shortname), ['persistence', 'privilege-escalation']);
    assert.deepEqual(CATALOG.tacticsNamedBy('Lateral Movement').map((t) => t.id), ['TA0008']);
    assert.deepEqual(CATALOG.tacticsNamedBy('Initial Access Vector'), []);
    assert.deepEqual(CATALOG.tacticsNamedBy('Impact/Lessons'), []);
  });

  test('lists the techniques of a tactic and orders techniques by the kill chain', () => {
    const lateral = CATALOG.techniquesOf('lateral-movement');
    assert.ok(lateral.some((t) => t.id === 'T1021.001'));
    assert.ok(lateral.every((t) => t.tactics.includes('lateral-movement')));
    assert.deepEqual(CATALOG.techniquesOf('no-such-tactic'), []);
    assert.equal(CATALOG.killChainIndex('reconnaissance'), 0);
    assert.equal(CATALOG.killChainIndex('impact'), 13);
    assert.equal(CATALOG.killChainIndex('nope'), -1);
    // T1078 Valid Accounts is also Initial Access, so it sorts with T1566; the unknown ID goes last.
    assert.deepEqual(CATALOG.inKillChainOrder(['T1486', 'T9999', 'T1566', 'T1021', 'T1078', 'T1059.001']), ['T1078', 'T1566', 'T1059.001', 'T1021', 'T1486', 'T9999']);
  });
});

suite('ATT&CK IDs in text', () => {
  test('finds technique, sub-technique and tactic IDs as whole tokens', () => {
    const text = 'Used T1566.001 (see TA0001), then T1021; not XT1566, T15661, T1566a, T1566-x, ID-T1078 or t1566.';
    assert.deepEqual(
      findAttackIds(text).map((r) => [r.id, r.kind, slice(text, r.range)]),
      [
        ['T1566.001', 'technique', 'T1566.001'],
        ['TA0001', 'tactic', 'TA0001'],
        ['T1021', 'technique', 'T1021'],
      ],
    );
  });

  test('reads any dotted suffix, so that a malformed sub-technique is reported rather than half-read', () => {
    assert.deepEqual(findAttackIds('T1566.1 and T1566.0011.').map((r) => r.id), ['T1566.1', 'T1566.0011']);
    assert.equal(check('T1566.1', 'T1566.1').status, 'unknown');
  });

  test('counts IDs in attack.mitre.org URLs (a sub-technique is "T1566/001" there) but not in other URLs', () => {
    const text = '[T1566.001](https://attack.mitre.org/techniques/T1566/001/) and https://tickets.example.com/browse/T1234 and T1078/Valid';
    assert.deepEqual(
      findAttackIds(text).map((r) => [r.id, slice(text, r.range), r.inUrl]),
      [
        ['T1566.001', 'T1566.001', false],
        ['T1566.001', 'T1566/001', true],
        ['T1078', 'T1078', false],
      ],
    );
  });
});

suite('ATT&CK checks', () => {
  test('a current technique or tactic is valid', () => {
    const technique = check('- T1566 Phishing', 'T1566');
    assert.equal(technique.status, 'valid');
    assert.equal(technique.technique?.name, 'Phishing');
    assert.deepEqual([technique.tacticMismatch, technique.nameMismatch, technique.replacement], [undefined, undefined, undefined]);
    const tactic = check('TA0008 Lateral Movement', 'TA0008');
    assert.equal(tactic.status, 'valid');
    assert.equal(tactic.tactic?.shortname, 'lateral-movement');
  });

  test('an ID ATT&CK does not know is unknown', () => {
    for (const id of ['T9999', 'T1566.999', 'TA0099']) {
      const result = check(`- ${id}`, id);
      assert.equal(result.status, 'unknown', id);
      assert.equal(result.technique ?? result.tactic, undefined);
    }
  });

  test('a revoked technique is revoked, with the technique that replaces it', () => {
    const result = check('- T1002 Data Compressed', 'T1002');
    assert.equal(result.status, 'revoked');
    assert.equal(result.replacement?.id, 'T1560');
    assert.equal(result.replacement?.name, 'Archive Collected Data');
    assert.equal(result.nameMismatch, undefined, 'the revoked technique’s own name is its name');
  });

  test('a deprecated technique is deprecated', () => {
    const result = check('T1026 Multiband Communication', 'T1026');
    assert.equal(result.status, 'deprecated');
    assert.equal(result.replacement, undefined);
  });

  test('a technique under a tactic label it does not belong to is a tactic mismatch', () => {
    const text = '- **Lateral Movement:** T1566 Phishing';
    const result = check(text, 'T1566', 'Lateral Movement');
    assert.deepEqual(result.tacticMismatch?.labelTactics.map((t) => t.name), ['Lateral Movement']);
    assert.deepEqual(result.tacticMismatch?.techniqueTactics.map((t) => t.name), ['Initial Access']);
  });

  test('no tactic mismatch under one of its tactics, under a label that is no tactic, without a label, or when revoked', () => {
    assert.equal(check('- **Initial Access:** T1566', 'T1566', 'Initial Access').tacticMismatch, undefined);
    assert.equal(check('T1078', 'T1078', 'privilege-escalation').tacticMismatch, undefined);
    assert.equal(check('T1048', 'T1048', 'Exfiltration/Impact').tacticMismatch, undefined);
    assert.equal(check('T1566', 'T1566', 'Detection & Response').tacticMismatch, undefined);
    assert.equal(check('T1566', 'T1566', null).tacticMismatch, undefined);
    assert.equal(check('T1002', 'T1002', 'Impact').tacticMismatch, undefined);
    assert.ok(check('T1026', 'T1026', 'Impact').tacticMismatch, 'deprecated techniques are checked');
  });

  test('a name written with the ID matches ATT&CK’s in every form, and prose after it is not part of it', () => {
    for (const [text, id] of [
      ['T1566 Phishing', 'T1566'],
      ['T1566 - Phishing', 'T1566'],
      ['T1566 — Phishing', 'T1566'],
      ['T1566: Phishing', 'T1566'],
      ['T1566 (Phishing)', 'T1566'],
      ['Phishing (T1566)', 'T1566'],
      ['the attacker used Spearphishing Attachment (T1566.001) twice', 'T1566.001'],
      ['T1005 Data from Local System', 'T1005'],
      ['T1566 Phishing emails were sent', 'T1566'],
      ['T1566 Phishing Campaign', 'T1566'],
      ['T1566 PHISHING.', 'T1566'],
      ['T1566 was used', 'T1566'],
      ['T1566, then', 'T1566'],
      ['T1566 (see above)', 'T1566'],
      ['T1566 (T1566.001 in particular)', 'T1566'],
      ['- Initial Access: Phishing (T1566)', 'T1566'],
      ['lateral movement via Remote Desktop Protocol (T1021.001)', 'T1021.001'],
      ['- **Initial Access:** T1566', 'T1566'],
      ['TA0001 Initial Access', 'TA0001'],
    ]) {
      assert.equal(check(text, id).nameMismatch, undefined, text);
    }
  });

  test('a different name written with the ID is a name mismatch, with its range and ATT&CK’s name for a fix', () => {
    for (const [text, id, written, expected] of [
      ['- T1566 Phising', 'T1566', 'Phising', 'Phishing'],
      ['- T1566 - Spearphishing Link.', 'T1566', 'Spearphishing Link', 'Phishing'],
      ['- T1566: **Email Phishing**', 'T1566', 'Email Phishing', 'Phishing'],
      ['T1566.001 (Spear Phishing)', 'T1566.001', 'Spear Phishing', 'Spearphishing Attachment'],
      ['they used Valid Account (T1078)', 'T1078', 'Valid Account', 'Valid Accounts'],
      ['they used **Valid Account** (T1078)', 'T1078', 'Valid Account', 'Valid Accounts'],
      ['TA0001 Initial Acess', 'TA0001', 'Initial Acess', 'Initial Access'],
      ['T1005 Data from Local Systems and more', 'T1005', 'Data from Local Systems', 'Data from Local System'],
    ]) {
      const mismatch = check(text, id).nameMismatch;
      assert.ok(mismatch, text);
      assert.equal(mismatch.written, written, text);
      assert.equal(slice(text, mismatch.range), written, text);
      assert.equal(mismatch.expected, expected, text);
    }
  });

  test('an ID in an attack.mitre.org URL has no name to check', () => {
    const text = 'https://attack.mitre.org/techniques/T1566/ Wrong Name';
    assert.equal(check(text, 'T1566').nameMismatch, undefined);
  });
});

suite('ATT&CK completion', () => {
  test('suggests by ID prefix, in ID order, never a revoked or deprecated technique', () => {
    assert.deepEqual(
      suggestTechniques(CATALOG, 'T1566').map((t) => t.id),
      ['T1566', 'T1566.001', 'T1566.002', 'T1566.003', 'T1566.004'],
    );
    assert.deepEqual(suggestTechniques(CATALOG, 't1566.00', { limit: 2 }).map((t) => t.id), ['T1566.001', 'T1566.002']);
    assert.ok(!suggestTechniques(CATALOG, 'T100', { limit: 1000 }).some((t) => t.revoked || t.deprecated));
    assert.ok(!suggestTechniques(CATALOG, 'T1002').some((t) => t.id === 'T1002'));
  });

  test('suggests by words of the name', () => {
    // Phishing: Spearphishing Attachment and Phishing for Information: Spearphishing Attachment.
    assert.deepEqual(suggestTechniques(CATALOG, 'spear att').map((t) => t.id), ['T1566.001', 'T1598.002']);
    assert.ok(suggestTechniques(CATALOG, 'remote desk').some((t) => t.id === 'T1021.001'));
    assert.deepEqual(suggestTechniques(CATALOG, 'data compressed'), []);
  });

  test('puts the line’s tactic first, then the rest, within the limit', () => {
    const all = suggestTechniques(CATALOG, '', { tactic: 'lateral-movement', limit: 1000 });
    const firstOther = all.findIndex((t) => !t.tactics.includes('lateral-movement'));
    assert.equal(firstOther, CATALOG.techniquesOf('lateral-movement').filter((t) => !t.revoked && !t.deprecated).length);
    assert.ok(all.slice(firstOther).every((t) => !t.tactics.includes('lateral-movement')));
    assert.equal(suggestTechniques(CATALOG, '').length, 50);
    const phishing = suggestTechniques(CATALOG, 'phishing', { tactic: 'reconnaissance' });
    assert.ok(phishing[0].tactics.includes('reconnaissance'), phishing[0].id);
    assert.ok(phishing.some((t) => t.id === 'T1566'));
  });
});

// Keeps the data type honest: the committed JSON's first technique has every field the type promises.
const _typed: AttackData = ATTACK_DATA;
void _typed;
