import * as assert from 'node:assert/strict';
import { stixBundle, stixPattern, tlpMarkingDefinition, type StixReportInput } from '../../src/core/output/stix';
import { findAttackIds } from '../../src/core/security/attack';
import { findIndicators } from '../../src/core/security/indicators';
import { TLP_LEVELS } from '../../src/core/parse/frontMatterSchema';
import { CATALOG } from './attackCatalog';
import { stixBundleValidator as bundleValidator } from '../cli/schemaValidators';

const validateBundle = bundleValidator();

function assertValid(bundle: unknown): void {
  const valid = validateBundle(bundle);
  assert.ok(valid, JSON.stringify(validateBundle.errors?.slice(0, 5), null, 2));
}

// The comparison-expression forms this module writes, strictly, after STIX 2.1 §9 (Patterning): an object path, "=",
// and a string literal in which only a quote and a backslash are escaped (with a backslash).
const STRING_LITERAL = String.raw`'((?:[^'\\]|\\['\\])*)'`;
const PATTERN_FORMS = [
  new RegExp(String.raw`^\[(?:ipv4-addr|ipv6-addr|domain-name|url|email-addr):value = ${STRING_LITERAL}\]$`),
  new RegExp(String.raw`^\[file:hashes\.(?:MD5|'SHA-1'|'SHA-256') = ${STRING_LITERAL}\]$`),
];

/** The observed value a pattern matches, after checking the pattern against the forms above. */
function patternValue(pattern: string): string {
  const form = PATTERN_FORMS.map((regex) => regex.exec(pattern)).find((match) => match);
  assert.ok(form, `not a STIX pattern of the forms written: ${pattern}`);
  return form[1].replace(/\\(['\\])/g, '$1');
}

const REPORT = `# Incident Report: Payroll portal breach

- **Initial Access:** T1566.001 Spearphishing Attachment from ops[@]evil-mail[.]com
- **Execution:** T1059.001 PowerShell
- **Command and Control:** hxxps://c2[.]evil-example[.]com/beacon and 203.0.113[.]7, 2001:db8::66
- **Lateral Movement:** T1021.001 to 10.0.4.12 (exploiting CVE-2023-4966)
- Dropper d41d8cd98f00b204e9800998ecf8427e, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, da39a3ee5e6b4b0d3255bfef95601890afd80709
- Staging on files.evil-example.net; TA0011; T9999 unknown.
`;

function reportInput(overrides: Partial<StixReportInput> = {}): StixReportInput {
  const techniques = findAttackIds(REPORT)
    .map((reference) => CATALOG.technique(reference.id))
    .filter((technique) => technique !== undefined)
    .map(({ id, name, url, tactics }) => ({ id, name, url, tactics }));
  return {
    seed: 'incidents/2026-03-02-payroll-portal.md',
    title: 'Payroll portal breach',
    summary: "An attacker phished a payroll clerk's laptop and reached the payroll portal.",
    published: '2026-03-05T09:00:00Z',
    created: '2026-03-02T10:15:00+01:00',
    modified: '2026-03-04T18:00:00Z',
    organisation: 'Example Corp',
    tlp: 'TLP:AMBER',
    techniques,
    indicators: findIndicators(REPORT),
    ...overrides,
  };
}

suite('STIX 2.1 export', () => {
  test('a report’s bundle is valid against the official OASIS STIX 2.1 schemas', () => {
    const bundle = stixBundle(reportInput());
    assertValid(bundle);
    assert.deepEqual(
      bundle.objects.map((o) => o.type),
      [
        'report', 'identity', 'attack-pattern', 'attack-pattern', 'attack-pattern',
        ...Array(9).fill('indicator'), 'vulnerability', 'marking-definition',
      ],
    );
  });

  test('the schemas do reject a broken bundle (the validation above can fail)', () => {
    const bundle = stixBundle(reportInput());
    const [report, ...rest] = bundle.objects;
    const { published, ...withoutPublished } = report;
    assert.ok(published);
    assert.equal(validateBundle({ ...bundle, objects: [withoutPublished, ...rest] }), false);
    assert.equal(validateBundle({ ...bundle, objects: [{ ...report, created: '2026-03-02 09:15' }, ...rest] }), false);
    assert.equal(validateBundle({ ...bundle, id: 'bundle--not-a-uuid' }), false);
  });

  test('the report: name, description from the summary, published, and every other object in object_refs', () => {
    const bundle = stixBundle(reportInput());
    const [report, ...rest] = bundle.objects;
    assert.equal(report.name, 'Payroll portal breach');
    assert.equal(report.description, "An attacker phished a payroll clerk's laptop and reached the payroll portal.");
    assert.equal(report.published, '2026-03-05T09:00:00.000Z');
    assert.equal(report.created, '2026-03-02T09:15:00.000Z');
    assert.equal(report.modified, '2026-03-04T18:00:00.000Z');
    assert.deepEqual(report.object_refs, rest.filter((o) => o.type !== 'marking-definition').map((o) => o.id));
    const identity = rest.find((o) => o.type === 'identity')!;
    assert.deepEqual([identity.name, identity.identity_class], ['Example Corp', 'organization']);
  });

  test('an indicator per network and file indicator, with a STIX pattern of its refanged value', () => {
    const indicators = stixBundle(reportInput()).objects.filter((o) => o.type === 'indicator');
    assert.deepEqual(
      indicators.map((o) => o.pattern),
      [
        "[email-addr:value = 'ops@evil-mail.com']",
        "[url:value = 'https://c2.evil-example.com/beacon']",
        "[ipv4-addr:value = '203.0.113.7']",
        "[ipv6-addr:value = '2001:db8::66']",
        "[ipv4-addr:value = '10.0.4.12']",
        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
        "[domain-name:value = 'files.evil-example.net']",
      ],
    );
    for (const indicator of indicators) {
      assert.equal(indicator.pattern_type, 'stix');
      assert.equal(indicator.pattern_version, '2.1');
      assert.equal(indicator.valid_from, '2026-03-05T09:00:00.000Z');
      patternValue(indicator.pattern as string);
    }
  });

  test('quotes and backslashes in a value are escaped in the pattern, and read back exactly', () => {
    const value = String.raw`http://x.example.com/it's\a\\path'`;
    const pattern = stixPattern('url', value);
    assert.equal(pattern, String.raw`[url:value = 'http://x.example.com/it\'s\\a\\\\path\'']`);
    assert.equal(patternValue(pattern), value);
    assert.throws(() => patternValue("[url:value = 'it's']"));
    assert.throws(() => patternValue("[url:value = 'a\\b']"));
    const bundle = stixBundle(reportInput({ indicators: [{ type: 'url', value }] }));
    assertValid(bundle);
  });

  test('attack patterns carry their mitre-attack reference and kill-chain phases; CVEs are vulnerabilities', () => {
    const objects = stixBundle(reportInput()).objects;
    const pattern = objects.find((o) => o.type === 'attack-pattern')!;
    assert.equal(pattern.name, 'Spearphishing Attachment');
    assert.deepEqual(pattern.external_references, [{ source_name: 'mitre-attack', external_id: 'T1566.001', url: 'https://attack.mitre.org/techniques/T1566/001' }]);
    assert.deepEqual(pattern.kill_chain_phases, [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }]);
    const vulnerability = objects.find((o) => o.type === 'vulnerability')!;
    assert.equal(vulnerability.name, 'CVE-2023-4966');
    assert.deepEqual(vulnerability.external_references, [{ source_name: 'cve', external_id: 'CVE-2023-4966' }]);
  });

  test('every object carries the TLP 2.0 marking of the report, whose official definition is in the bundle', () => {
    for (const level of TLP_LEVELS) {
      const bundle = stixBundle(reportInput({ tlp: level }));
      assertValid(bundle);
      const marking = bundle.objects.at(-1)!;
      assert.deepEqual(marking, tlpMarkingDefinition(level));
      assert.equal(marking.name, level);
      for (const object of bundle.objects.slice(0, -1)) assert.deepEqual(object.object_marking_refs, [marking.id], `${object.type} ${level}`);
    }
    assert.equal(tlpMarkingDefinition('TLP:CLEAR').id, 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    assert.equal(tlpMarkingDefinition('TLP:RED').id, 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
    assert.deepEqual(tlpMarkingDefinition('TLP:AMBER+STRICT').extensions, {
      'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' },
    });
  });

  test('without a TLP label, an organisation, a summary or anything found, the bundle is still valid', () => {
    const bundle = stixBundle({ seed: 'x.md', title: 'Empty', summary: null, published: '2026-01-01T00:00:00Z', organisation: null, tlp: null, techniques: [], indicators: [] });
    assertValid(bundle);
    assert.deepEqual(bundle.objects.map((o) => o.type), ['report']);
    assert.deepEqual(bundle.objects[0].object_refs, [bundle.objects[0].id]);
    assert.ok(bundle.objects.every((o) => !('object_marking_refs' in o) && !('description' in o)));
    assert.equal(bundle.objects[0].created, '2026-01-01T00:00:00.000Z');
  });

  test('ids are UUIDv5 of the seed: the same report exports identically, another report differently', () => {
    const first = stixBundle(reportInput());
    assert.deepEqual(stixBundle(reportInput()), first);
    assert.ok([first, ...first.objects].every((o) => /--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(o.id) || o.type === 'marking-definition'));
    const other = stixBundle(reportInput({ seed: 'incidents/another.md' }));
    const ids = new Set(first.objects.map((o) => o.id));
    assert.deepEqual(other.objects.filter((o) => ids.has(o.id)).map((o) => o.type), ['marking-definition']);
    assert.equal(new Set(first.objects.map((o) => o.id)).size, first.objects.length);
  });

  test('ids are standard UUIDv5s, the same whichever build of the uuid package is bundled (values from Python\'s uuid.uuid5)', () => {
    const bundle = stixBundle(reportInput());
    assert.equal(bundle.id, 'bundle--ac1ffadc-7d65-5e7d-a00d-f150eff23ad1');
    assert.equal(bundle.objects[0].id, 'report--c0da17e3-d3d4-5d50-a663-936e5d692341');
  });

  test('duplicates are exported once, and a date that is not one is refused', () => {
    const input = reportInput({ indicators: [...findIndicators(REPORT), ...findIndicators(REPORT), { type: 'cve', value: 'cve-2023-4966' }] });
    assert.deepEqual(stixBundle(input).objects.length, stixBundle(reportInput()).objects.length);
    assert.throws(() => stixBundle(reportInput({ published: 'last Tuesday' })), /Not an ISO 8601 instant: last Tuesday/);
  });
});
