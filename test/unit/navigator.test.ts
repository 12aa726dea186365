import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { navigatorLayer } from '../../src/core/output/navigator';
import { CATALOG } from './attackCatalog';

// The ATT&CK Navigator Layer File Format, version 4.5, transcribed from its specification
// (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md): every property the spec defines, with its type,
// whether it is required, and its allowed values; unknown properties are refused (.strict()).
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const metadata = z.union([z.object({ name: z.string(), value: z.string() }).strict(), z.object({ divider: z.boolean() }).strict()]);
const link = z.union([z.object({ label: z.string(), url: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\//) }).strict(), z.object({ divider: z.boolean() }).strict()]);
const technique = z
  .object({
    techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/),
    tactic: z.string().optional(),
    comment: z.string().optional(),
    enabled: z.boolean().optional(),
    score: z.number().optional(),
    color: z.string().optional(),
    metadata: z.array(metadata).optional(),
    links: z.array(link).optional(),
    showSubtechniques: z.boolean().optional(),
  })
  .strict();
const layerSchema = z
  .object({
    versions: z
      .object({
        attack: z.string().optional(),
        navigator: z.string().refine((v) => /^\d+\.\d+\.\d+$/.test(v) && compareVersions(v, '4.9.0') >= 0, 'must be at least "4.9.0"'),
        layer: z.literal('4.5'),
      })
      .strict()
      .optional(),
    name: z.string(),
    description: z.string().optional(),
    domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
    customDataURL: z.string().optional(),
    filters: z.object({ platforms: z.array(z.string()).optional() }).strict().optional(),
    sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    layout: z
      .object({
        layout: z.enum(['side', 'flat', 'mini']).optional(),
        showID: z.boolean().optional(),
        showName: z.boolean().optional(),
        showAggregateScores: z.boolean().optional(),
        countUnscored: z.boolean().optional(),
        aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
        expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
      })
      .strict()
      .optional(),
    hideDisabled: z.boolean().optional(),
    techniques: z.array(technique).optional(),
    gradient: z
      .object({ colors: z.array(color).min(2), minValue: z.number(), maxValue: z.number() })
      .strict()
      .refine((g) => g.maxValue > g.minValue, 'maxValue must be > minValue')
      .optional(),
    legendItems: z.array(z.object({ label: z.string(), color: z.string() }).strict()).optional(),
    showTacticRowBackground: z.boolean().optional(),
    tacticRowBackground: z.string().optional(),
    selectTechniquesAcrossTactics: z.boolean().optional(),
    selectSubtechniquesWithParent: z.boolean().optional(),
    selectVisibleTechniques: z.boolean().optional(),
    metadata: z.array(metadata).optional(),
    links: z.array(link).optional(),
  })
  .strict();

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

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
