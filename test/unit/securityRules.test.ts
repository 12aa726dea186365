import * as assert from 'node:assert/strict';
import { attackCompletionsAt } from '../../src/core/assist/attackCompletion';
import { attackHoverAt } from '../../src/core/assist/attackHover';
import { reportNavigatorLayer, reportStixBundle } from '../../src/core/output/intelExports';
import { exportReport } from '../../src/core/output/export';
import { techniqueViews } from '../../src/shared/timelineView';
import { navigatorLayerSchema, reportValidator, stixBundleValidator } from '../cli/schemaValidators';
import { CATALOG } from './attackCatalog';
import { analyze as analyzeWith, applyFix, only, readProjectFile, rulesOf, single, textAt, VALID_REPORT } from './helpers';

const analyze = (text: string) => analyzeWith(text, { attack: CATALOG });

/** The valid example report with its Attack Methodology and Indicators of Compromise replaced. */
function report({ methodology = '- **Initial Access:** T1566 Phishing', indicators = '- **Network indicators:** 203.0.113[.]7', tlp = 'TLP:AMBER', extra = '' } = {}): string {
  const withSections = VALID_REPORT.replace(/## Attack Methodology\n[\s\S]*?\n## Impact Assessment/, `## Attack Methodology\n\n${methodology}\n\n## Impact Assessment`).replace(
    /## Indicators of Compromise\n[\s\S]*?\n## Response Actions/,
    `## Indicators of Compromise\n\n${indicators}\n\n## Response Actions`,
  );
  return withSections.replace('tlp: TLP:AMBER', `tlp: ${tlp}`) + extra;
}

const SECURITY_RULES = ['attack.unknown-id', 'attack.revoked', 'attack.deprecated', 'attack.tactic-mismatch', 'attack.name-mismatch', 'ioc.live', 'ioc.malformed', 'ioc.private-address', 'content.secret'];

suite('security rules', () => {
  test('a report citing valid techniques under their tactics, with defanged indicators and no secret, has none of them', () => {
    const text = report({
      methodology: '- **Initial Access:** T1566.001 Spearphishing Attachment\n- **Lateral Movement:** T1021.001 (Remote Desktop Protocol)\n- Tactic TA0008 Lateral Movement',
      indicators: '- **Network indicators:** 203.0.113[.]7, hxxps://evil[.]example[.]com/x, ops[@]evil-mail[.]com\n- **File indicators:** d41d8cd98f00b204e9800998ecf8427e, CVE-2023-4966',
    });
    const found = rulesOf(analyze(text)).filter((rule) => SECURITY_RULES.includes(rule));
    assert.deepEqual(found, []);
  });

  test('without ATT&CK data no ID is checked', () => {
    assert.ok(!rulesOf(analyzeWith(report({ methodology: '- **Initial Access:** T9999' }))).some((rule) => rule.startsWith('attack.')));
  });

  test('attack.unknown-id: a technique or tactic ATT&CK does not have', () => {
    const analysis = analyze(report({ methodology: '- **Initial Access:** T9999 and T1566.999, tactic TA0099' }));
    const found = only(analysis, 'attack.unknown-id');
    assert.deepEqual(found.map((d) => textAt(analysis, d)), ['T9999', 'T1566.999', 'TA0099']);
    assert.equal(found[0].severity, 'error');
    assert.match(found[2].message, /TA0099 is not a tactic of ATT&CK Enterprise v18\.1/);
  });

  test('attack.revoked names the replacement, and its fix writes it', () => {
    const text = report({ methodology: '- **Exfiltration:** T1002' });
    const diagnostic = single(analyze(text), 'attack.revoked');
    assert.equal(diagnostic.message, 'T1002 (Data Compressed) is revoked in ATT&CK Enterprise v18.1: use T1560 (Archive Collected Data)');
    const fixed = applyFix(text, diagnostic.fixes![0]);
    assert.ok(fixed.includes('- **Exfiltration:** T1560\n'));
    assert.ok(!rulesOf(analyze(fixed)).includes('attack.revoked'));
  });

  test('attack.deprecated', () => {
    const diagnostic = single(analyze(report({ methodology: '- **Command and Control:** T1043' })), 'attack.deprecated');
    assert.match(diagnostic.message, /^T1043 \(Commonly Used Port\) is deprecated in ATT&CK Enterprise v18\.1/);
  });

  test('attack.tactic-mismatch: under a field or a table cell that names another tactic; not under its own or a label that names none', () => {
    const analysis = analyze(
      report({
        methodology: [
          '- **Lateral Movement:** T1566 Phishing',
          '- **Initial Access:** T1566 Phishing',
          '- **Attack vector:** T1566 Phishing',
          '',
          '| Tactic | Technique |',
          '| --- | --- |',
          '| Impact | T1003 OS Credential Dumping |',
        ].join('\n'),
      }),
    );
    const found = only(analysis, 'attack.tactic-mismatch');
    assert.deepEqual(
      found.map((d) => d.message),
      ['T1566 (Phishing) is not a technique of Lateral Movement: ATT&CK lists it under Initial Access', 'T1003 (OS Credential Dumping) is not a technique of Impact: ATT&CK lists it under Credential Access'],
    );
  });

  test('attack.name-mismatch: a name that is not ATT&CK\'s, fixed to it; a longer name that starts with it is fine', () => {
    const text = report({ methodology: '- **Initial Access:** T1566 Phishy Mail\n- **Execution:** T1059.001 PowerShell Scripts' });
    const analysis = analyze(text);
    const diagnostic = single(analysis, 'attack.name-mismatch');
    assert.equal(textAt(analysis, diagnostic), 'Phishy Mail');
    assert.equal(diagnostic.severity, 'information');
    const fixed = applyFix(text, diagnostic.fixes![0]);
    assert.ok(fixed.includes('T1566 Phishing\n'));
    assert.ok(!rulesOf(analyze(fixed)).includes('attack.name-mismatch'));
  });

  test('ioc.live: live network indicators of the indicators section, each fixed by defanging; other sections are not checked', () => {
    const text = report({ indicators: '- **Network indicators:** 203.0.113.7, https://evil.example.com/x, ops@evil-mail.com, evil-cdn.net, 2001:db8::66', extra: '\nSee https://www.cisa.gov/ for guidance.\n' });
    const analysis = analyze(text);
    const found = only(analysis, 'ioc.live');
    assert.deepEqual(found.map((d) => textAt(analysis, d)), ['203.0.113.7', 'https://evil.example.com/x', 'ops@evil-mail.com', 'evil-cdn.net', '2001:db8::66']);
    const fixes = found.map((d) => d.fixes![0].edits[0].newText);
    assert.deepEqual(fixes, ['203[.]0[.]113[.]7', 'hxxps://evil[.]example[.]com/x', 'ops[@]evil-mail[.]com', 'evil-cdn[.]net', '2001[:]db8[:][:]66']);
    let fixed = text;
    for (const diagnostic of [...found].reverse()) fixed = applyFix(fixed, diagnostic.fixes![0]);
    assert.deepEqual(only(analyze(fixed), 'ioc.live'), []);
  });

  test('ioc.live writes the configured defang style', () => {
    const text = report({ indicators: '- **Network indicators:** evil-cdn.net, ops@evil-mail.com' });
    const found = only(analyzeWith(text, { attack: CATALOG, defangStyle: { dot: '[dot]', at: '[at]' } }), 'ioc.live');
    assert.deepEqual(found.map((d) => d.fixes![0].edits[0].newText), ['evil-cdn[dot]net', 'ops[at]evil-mail[dot]com']);
  });

  test('ioc.malformed: a hash of the wrong length, an octet over 255, a malformed CVE ID', () => {
    const analysis = analyze(report({ indicators: '- **File indicators:** d41d8cd98f00b204e9800998ecf8427 and 203.0.113.300, CVE-2023-12' }));
    assert.deepEqual(only(analysis, 'ioc.malformed').map((d) => textAt(analysis, d)), ['d41d8cd98f00b204e9800998ecf8427', '203.0.113.300', 'CVE-2023-12']);
  });

  test('ioc.private-address: private, loopback and link-local addresses listed as indicators', () => {
    const analysis = analyze(report({ indicators: '- **Network indicators:** 10.0.4[.]12, 127.0.0[.]1, 192.168.1[.]1, 203.0.113[.]7, fe80[:][:]1' }));
    const found = only(analysis, 'ioc.private-address');
    assert.deepEqual(found.map((d) => textAt(analysis, d)), ['10.0.4[.]12', '127.0.0[.]1', '192.168.1[.]1', 'fe80[:][:]1']);
    assert.equal(found[0].severity, 'information');
  });

  test('content.secret: an error in a TLP:CLEAR or TLP:GREEN report, a warning otherwise; the fix redacts', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}123456`;
    const extra = `\nThe attacker used the token ${token} found in a build log.\n`;
    for (const [tlp, severity] of [['TLP:CLEAR', 'error'], ['TLP:GREEN', 'error'], ['TLP:AMBER', 'warning'], ['TLP:RED', 'warning']] as const) {
      const text = report({ tlp, extra });
      const analysis = analyze(text);
      const diagnostic = single(analysis, 'content.secret');
      assert.equal(diagnostic.severity, severity, tlp);
      assert.equal(textAt(analysis, diagnostic), token);
      assert.ok(!diagnostic.message.includes(token.slice(8)), 'the message does not repeat the secret');
      const fixed = applyFix(text, diagnostic.fixes![0]);
      assert.ok(fixed.includes('the token [REDACTED] found'));
      assert.ok(!rulesOf(analyze(fixed)).includes('content.secret'));
    }
  });
});

suite('ATT&CK in the editor', () => {
  const text = report({ methodology: '- **Initial Access:** T1566.001 Spearphishing Attachment\n- **Exfiltration:** T1002\n- **Execution:** T9999\n- Tactic TA0001' });
  const analysis = analyze(text);
  const at = (needle: string) => text.indexOf(needle) + 2;

  test('hover on a technique: name, parent, tactics, summary, link and ATT&CK release', () => {
    const hover = attackHoverAt(analysis, at('T1566.001'))!;
    assert.equal(text.slice(hover.range.start, hover.range.end), 'T1566.001');
    const lines = hover.markdown.split('\n\n');
    assert.equal(lines[0], '**T1566.001 Spearphishing Attachment**');
    assert.equal(lines[1], 'Sub-technique of T1566 Phishing · *Initial Access*');
    assert.match(lines[2], /^Adversaries may send spearphishing emails with a malicious attachment/);
    assert.equal(lines.at(-1), '[attack.mitre.org/techniques/T1566/001](https://attack.mitre.org/techniques/T1566/001) · MITRE ATT\\&CK® Enterprise v18.1');
  });

  test('hover on a revoked technique names its replacement; on an unknown ID says so; on a tactic describes it', () => {
    assert.match(attackHoverAt(analysis, at('T1002'))!.markdown, /\*\*Revoked\*\*: replaced by \*\*T1560 Archive Collected Data\*\*/);
    assert.equal(attackHoverAt(analysis, at('T9999'))!.markdown, '**T9999** is not in MITRE ATT\\&CK® Enterprise v18.1.');
    assert.match(attackHoverAt(analysis, at('TA0001'))!.markdown, /^\*\*TA0001 Initial Access\*\*\n\nTactic\n\n/);
    assert.equal(attackHoverAt(analysis, text.indexOf('Spearphishing Attachment') + 3), null);
  });

  test('completion after "T1…": techniques by ID prefix, the line\'s tactic first, never revoked or deprecated ones', () => {
    const typed = report({ methodology: '- **Lateral Movement:** T10' });
    const offset = typed.indexOf('T10') + 3;
    const completions = attackCompletionsAt(analyze(typed), offset)!;
    assert.deepEqual(completions.replace, { start: offset - 3, end: offset });
    const ids = completions.items.map((item) => item.id);
    assert.ok(ids.every((id) => id.startsWith('T10')));
    assert.ok(!ids.some((id) => CATALOG.technique(id)?.revoked || CATALOG.technique(id)?.deprecated));
    const lateral = (id: string) => CATALOG.technique(id)!.tactics.includes('lateral-movement');
    const firstOther = ids.findIndex((id) => !lateral(id));
    assert.ok(firstOther > 0 && ids.slice(firstOther).every((id) => !lateral(id)), 'Lateral Movement techniques first');
    const item = completions.items[0];
    assert.equal(item.insertText, `${item.id} ${item.name}`);
    assert.equal(item.tactics.includes('Lateral Movement'), true);
  });

  test('completion by name in the methodology section only; outside it only after "T"', () => {
    const typed = report({ methodology: '- **Initial Access:** spear', extra: '\nspear' });
    const inside = typed.indexOf('spear') + 5;
    const completions = attackCompletionsAt(analyze(typed), inside)!;
    assert.deepEqual(completions.replace, { start: inside - 5, end: inside });
    assert.deepEqual(completions.items.map((item) => item.id).slice(0, 3), ['T1566.001', 'T1566.002', 'T1566.003']);
    assert.equal(attackCompletionsAt(analyze(typed), typed.length - 1), null);
    assert.equal(attackCompletionsAt(analyzeWith(typed), inside), null, 'nothing without ATT&CK data');
  });

  test('completion inserts only the ID when the name already follows', () => {
    const typed = report({ methodology: '- **Initial Access:** T1566 Phishing' });
    const offset = typed.indexOf('T1566') + 5;
    const phishing = attackCompletionsAt(analyze(typed), offset)!.items.find((item) => item.id === 'T1566')!;
    assert.equal(phishing.insertText, 'T1566');
  });

  test('the preview lists the cited techniques once each, in kill-chain order, unknown ones last', () => {
    const cited = analyze(report({ methodology: '- **Exfiltration:** T1567.002\n- **Initial Access:** T1566.001\n- **Execution:** T9999 and T1059.001, T1566.001 again' }));
    assert.deepEqual(
      techniqueViews(cited).map(({ id, name, tactics, status, citations }) => [id, name, tactics, status, citations]),
      [
        ['T1566.001', 'Spearphishing Attachment', 'Initial Access', 'valid', 2],
        ['T1059.001', 'PowerShell', 'Execution', 'valid', 1],
        ['T1567.002', 'Exfiltration to Cloud Storage', 'Exfiltration', 'valid', 1],
        ['T9999', 'T9999', '', 'unknown', 1],
      ],
    );
    assert.deepEqual(techniqueViews(analyzeWith(VALID_REPORT)), []);
  });
});

suite('security exports of a report', () => {
  const file = 'incidents/2024-05-14-invoice-phishing-intrusion.md';
  const text = readProjectFile('examples', file);
  const analysis = analyze(text);

  test('the example report uses every part and has no problem', () => {
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity !== 'hint'), []);
    assert.equal(analysis.attackChecks.length, 7);
  });

  test('export JSON: attack and indicators, valid against schemas/report.schema.json', () => {
    const exported = exportReport(file, analysis);
    const validate = reportValidator();
    assert.ok(validate(exported), JSON.stringify(validate.errors));
    assert.deepEqual(exported.attack[0], { id: 'T1566.001', name: 'Spearphishing Attachment', tactics: ['initial-access'], line: text.split('\n').findIndex((line) => line.includes('T1566.001')) + 1, status: 'valid' });
    assert.deepEqual(
      exported.indicators.filter((indicator) => indicator.type === 'ipv4').map(({ value, defanged }) => [value, defanged]),
      [['203.0.113.47', true], ['198.51.100.23', true]],
    );
    assert.ok(!exported.indicators.some((indicator) => indicator.line <= 11), 'nothing from the front matter');
  });

  test('STIX: valid against the OASIS STIX 2.1 schemas, deterministic, with the report\'s objects', () => {
    const bundle = reportStixBundle(file, analysis, new Date('2030-01-01T00:00:00Z'));
    const validate = stixBundleValidator();
    assert.ok(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.deepEqual(reportStixBundle(file, analyze(text), new Date('2031-01-01T00:00:00Z')), bundle, 'the same bundle at another time');
    const objects = bundle.objects as unknown as { type: string; [key: string]: unknown }[];
    const count = (type: string) => objects.filter((object) => object.type === type).length;
    assert.deepEqual([count('report'), count('identity'), count('attack-pattern'), count('indicator'), count('vulnerability'), count('marking-definition')], [1, 1, 7, 7, 1, 1]);
    const stixReport = objects[0];
    assert.equal(stixReport.published, '2024-05-21T15:00:00.000Z', 'published at the last dated event (recovery, 17:00 CEST)');
    assert.match(String(stixReport.description), /^An accounts-payable clerk/);
    assert.equal(objects.find((object) => object.type === 'identity')!.name, 'Northwind Logistics GmbH');
  });

  test('ATT&CK Navigator layer: valid, every cited technique under its tactic', () => {
    const layer = reportNavigatorLayer(file, analysis, CATALOG);
    assert.ok(navigatorLayerSchema.safeParse(layer).success);
    assert.deepEqual(
      layer.techniques.map((technique) => `${technique.techniqueID} ${technique.tactic}`),
      ['T1566.001 initial-access', 'T1059.001 execution', 'T1204.002 execution', 'T1003.001 credential-access', 'T1021.001 lateral-movement', 'T1560.001 collection', 'T1567.002 exfiltration'],
    );
  });
});
