import * as assert from 'node:assert/strict';
import { navigatorLayer } from '../../src/core/output/navigator';
import { CATALOG } from './attackCatalog';
import { navigatorLayerSchema as layerSchema } from '../cli/schemaValidators';

const REFERENCES = [
  { id: 'T1021.001', line: 14, tactic: 'lateral-movement' },
  { id: 'T1566.001', line: 9, tactic: 'initial-access' },
  { id: 'T1078', line: 9, tactic: 'initial-access' },
  { id: 'T1078', line: 30, tactic: 'persistence' },
  { id: 'T1566.001', line: 40, tactic: null },
  { id: 'T1566.001', line: 9, tactic: 'initial-access' },
  { id: 'T1486', line: 21, tactic: 'lateral-movement' },
  { id: 'T1002', line: 22, tactic: null },
  { id: 'T9999', line: 23, tactic: null },
];

suite('ATT&CK Navigator layer', () => {
  test('is a valid layer of format 4.5 for Enterprise ATT&CK 18', () => {
    const layer = navigatorLayer(CATALOG, { name: 'Payroll portal breach', description: 'Techniques of the incident', file: 'incidents/payroll.md', references: REFERENCES });
    layerSchema.parse(layer);
    assert.deepEqual(layer.versions, { attack: '18', navigator: '5.2.0', layer: '4.5' });
    assert.equal(layer.domain, 'enterprise-attack');
    assert.equal(layer.name, 'Payroll portal breach');
    assert.equal(layer.description, 'Techniques of the incident');
  });

  test('lists each technique once per tactic it is cited under, in kill-chain order, with where it is cited', () => {
    const layer = navigatorLayer(CATALOG, { name: 'x', file: 'incidents/payroll.md', references: REFERENCES });
    assert.deepEqual(
      layer.techniques.map((t) => [t.techniqueID, t.tactic ?? null, t.comment, t.score]),
      [
        ['T1078', 'initial-access', 'Cited on line 9 of incidents/payroll.md.', 1],
        ['T1078', 'persistence', 'Cited on line 30 of incidents/payroll.md.', 1],
        ['T1566.001', 'initial-access', 'Cited on line 9 of incidents/payroll.md.', 1],
        ['T1566.001', null, 'Cited on line 40 of incidents/payroll.md.', 1],
        ['T1021.001', 'lateral-movement', 'Cited on line 14 of incidents/payroll.md.', 1],
        ['T1486', null, 'Cited on line 21 of incidents/payroll.md.', 1],
      ],
    );
  });

  test('every technique and tactic is one ATT&CK knows, the tactic one of the technique’s own', () => {
    const layer = navigatorLayer(CATALOG, { name: 'x', references: REFERENCES });
    for (const entry of layer.techniques) {
      const technique = CATALOG.technique(entry.techniqueID);
      assert.ok(technique && !technique.revoked, entry.techniqueID);
      if (entry.tactic) assert.ok(technique.tactics.includes(entry.tactic), `${entry.techniqueID} ${entry.tactic}`);
    }
    assert.ok(!layer.techniques.some((t) => ['T1002', 'T9999'].includes(t.techniqueID)), 'revoked and unknown IDs are left out');
  });

  test('several citations are one entry, scored by their number; no file, no "of"', () => {
    const layer = navigatorLayer(CATALOG, {
      name: 'x',
      references: [
        { id: 'T1059.001', line: 12, tactic: 'execution' },
        { id: 'T1059.001', line: 3, tactic: 'execution' },
        { id: 'T1059.001', line: 12, tactic: 'execution' },
      ],
    });
    assert.deepEqual(layer.techniques.map((t) => [t.comment, t.score]), [['Cited on lines 3, 12.', 2]]);
    assert.equal(layer.description, '');
    layerSchema.parse(layer);
  });

  test('the schema refuses what the format does not allow (it can fail)', () => {
    const layer = navigatorLayer(CATALOG, { name: 'x', references: REFERENCES });
    assert.throws(() => layerSchema.parse({ ...layer, versions: { ...layer.versions, layer: '4.4' } }));
    assert.throws(() => layerSchema.parse({ ...layer, domain: 'enterprise' }));
    assert.throws(() => layerSchema.parse({ ...layer, techniques: [{ techniqueID: 'T1566.1' }] }));
    assert.throws(() => layerSchema.parse({ ...layer, tactics: [] }));
  });
});
