import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { exportAttack, exportedAttackSchema, exportedIndicatorSchema, exportIndicators } from '../../src/core/output/securityExport';
import { checkAttackReference, findAttackIds } from '../../src/core/security/attack';
import { findIndicators } from '../../src/core/security/indicators';
import { CATALOG } from './attackCatalog';

const TEXT = ['## Attack Methodology', '- T1566.001 Spearphishing Attachment, TA0001', '- T1002 and T1026 and T9999', '## Indicators', '- hxxps://evil[.]example[.]com/x', '- 203.0.113.7 and CVE-2023-4966'].join('\n');
const lineOf = (offset: number) => TEXT.slice(0, offset).split('\n').length;

suite('export: attack and indicators fields', () => {
  test('"attack": one entry per cited ID with its name, tactics, line and status', () => {
    const checks = findAttackIds(TEXT).map((reference) => checkAttackReference(CATALOG, TEXT, reference, null));
    const attack = exportAttack(checks, lineOf);
    assert.deepEqual(attack, [
      { id: 'T1566.001', name: 'Spearphishing Attachment', tactics: ['initial-access'], line: 2, status: 'valid' },
      { id: 'TA0001', name: 'Initial Access', tactics: ['initial-access'], line: 2, status: 'valid' },
      { id: 'T1002', name: 'Data Compressed', tactics: ['exfiltration'], line: 3, status: 'revoked' },
      { id: 'T1026', name: 'Multiband Communication', tactics: ['command-and-control'], line: 3, status: 'deprecated' },
      { id: 'T9999', name: null, tactics: [], line: 3, status: 'unknown' },
    ]);
    z.array(exportedAttackSchema).parse(attack);
  });

  test('"indicators": refanged values, whether written defanged, and lines', () => {
    const indicators = exportIndicators(findIndicators(TEXT), lineOf);
    assert.deepEqual(indicators, [
      { type: 'url', value: 'https://evil.example.com/x', defanged: true, line: 5 },
      { type: 'ipv4', value: '203.0.113.7', defanged: false, line: 6 },
      { type: 'cve', value: 'CVE-2023-4966', defanged: false, line: 6 },
    ]);
    z.array(exportedIndicatorSchema).parse(indicators);
  });

  test('the schemas refuse what the contract does not allow, and convert to JSON Schema', () => {
    assert.throws(() => exportedAttackSchema.parse({ id: 'T1', name: null, tactics: [], line: 0, status: 'valid' }));
    assert.throws(() => exportedAttackSchema.parse({ id: 'T1', name: null, tactics: [], line: 1, status: 'fine' }));
    assert.throws(() => exportedIndicatorSchema.parse({ type: 'sha512', value: 'x', defanged: false, line: 1 }));
    assert.throws(() => exportedIndicatorSchema.parse({ type: 'md5', value: 'x', defanged: false, line: 1, extra: 1 }));
    const schema = z.toJSONSchema(exportedIndicatorSchema) as unknown as { required: string[]; properties: { type: { enum: string[] } } };
    assert.deepEqual(schema.required, ['type', 'value', 'defanged', 'line']);
    assert.deepEqual(schema.properties.type.enum, ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve']);
  });
});
