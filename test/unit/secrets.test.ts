import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/edits/apply';
import { findSecrets, PATTERNS, redaction, REDACTED, secretCluesIn, type SecretKind } from '../../src/core/security/secrets';
import { isWidelyShared } from '../../src/core/security/tlp';

// Credentials built at run time from pieces, so that this file holds no string a secret scanner would flag.
const repeat = (chars: string, length: number) => chars.repeat(Math.ceil(length / chars.length)).slice(0, length);
const AWS_KEY_ID = 'AKIA' + repeat('Q7ZB3XK', 16);
const AWS_SECRET = repeat('wJalrXUtnFEMI/K7MDENG/bPxRfiCYz9', 40);
const SAMPLES: readonly [SecretKind, string][] = [
  ['aws-access-key-id', AWS_KEY_ID],
  ['aws-access-key-id', 'ASIA' + repeat('J4KD9', 16)],
  ['gcp-api-key', 'AIza' + repeat('Sy9_kQ-3xZ', 35)],
  ['google-oauth-secret', 'GOCSPX-' + repeat('a1B2_c3-D4', 28)],
  ['google-oauth-token', 'ya29.' + repeat('a0AfH6SM_x-9', 60)],
  ['azure-client-secret', 'abc' + '8Q~' + repeat('Zx9.y_8-Wv7~u', 34)],
  ['github-token', 'ghp_' + repeat('aB3dE5gH7j', 36)],
  ['github-token', 'ghs_' + repeat('Zq8Wm2', 36)],
  ['github-token', 'gho_' + repeat('Zq8Wm2', 36)],
  ['github-token', 'ghu_' + repeat('Zq8Wm2', 36)],
  ['github-token', 'ghr_' + repeat('Zq8Wm2', 36)],
  ['github-token', 'github_pat_' + repeat('11ABCDEFG0', 22) + '_' + repeat('xY9zW8', 59)],
  ['gitlab-token', 'glpat-' + repeat('x9Y8_z7-W6', 20)],
  ['slack-token', 'xoxb-' + repeat('1234567890-', 40)],
  ['slack-token', 'xoxa-' + repeat('1234567890-', 40)],
  ['slack-token', 'xoxp-' + repeat('1234567890-', 40)],
  ['slack-token', 'xoxr-' + repeat('1234567890-', 40)],
  ['slack-token', 'xoxs-' + repeat('1234567890-', 40)],
  ['slack-webhook', 'https://hooks.slack.com/services/' + 'T0' + repeat('ABC123', 8) + '/B0' + repeat('DEF456', 8) + '/' + repeat('gh78IJkl', 24)],
  ['stripe-key', 'sk_' + 'live_' + repeat('4eC39HqLyjWDarjtT1zdp7dc', 24)],
  ['stripe-key', 'rk_' + 'live_' + repeat('4eC39HqLyjWDarjtT1zdp7dc', 24)],
  ['npm-token', 'npm_' + repeat('a1b2C3d4E5', 36)],
  ['jwt', 'eyJ' + 'hbGciOiJIUzI1NiJ9' + '.eyJ' + 'zdWIiOiIxMjM0NTY3ODkwIn0' + '.' + repeat('dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 43)],
];

function kinds(text: string): [SecretKind, string][] {
  return findSecrets(text).map((s) => [s.kind, text.slice(s.range.start, s.range.end)]);
}

suite('secrets: what is found', () => {
  test('each pattern runs where its clues are: the clue expressions find every clue a pattern names', () => {
    for (const { kind, clues } of PATTERNS) {
      assert.ok(clues.length > 0, kind);
      for (const clue of clues) assert.ok(secretCluesIn(`x ${clue} x`).has(clue), `${kind}: ${clue}`);
    }
    assert.deepEqual([...secretCluesIn('Incident notes: 41 servers restored.')], []);
  });

  test('each provider’s credential format', () => {
    for (const [kind, secret] of SAMPLES) {
      assert.deepEqual(kinds(`- leaked: ${secret} (rotated)`), [[kind, secret]], kind);
    }
  });

  test('an AWS secret access key next to its key ID or a "secret" label, not a lone base64 run', () => {
    assert.deepEqual(kinds(`aws_access_key_id=${AWS_KEY_ID}\naws_secret_access_key=${AWS_SECRET}`), [
      ['aws-access-key-id', AWS_KEY_ID],
      ['aws-secret-access-key', AWS_SECRET],
    ]);
    assert.deepEqual(kinds(`SecretAccessKey: ${AWS_SECRET}`), [['aws-secret-access-key', AWS_SECRET]]);
    assert.deepEqual(kinds(`Build artefact ${AWS_SECRET}`), []);
  });

  test('an Azure storage key in a connection string: the key only', () => {
    const key = repeat('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw', 86) + '==';
    const text = `DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=${key};EndpointSuffix=core.windows.net`;
    assert.deepEqual(kinds(text), [['azure-storage-key', key]]);
  });

  test('a private-key block, BEGIN to END, whatever the key type', () => {
    const body = `${repeat('MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 64)}\n${repeat('VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', 64)}`;
    for (const label of ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']) {
      const block = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
      const text = `Found on the host:\n\n\`\`\`\n${block}\n\`\`\`\n`;
      const [secret] = findSecrets(text);
      assert.equal(secret.kind, 'private-key', label);
      assert.equal(text.slice(secret.range.start, secret.range.end), block, label);
      assert.equal(secret.preview, `-----BEGIN ${label}-----…`);
    }
  });

  test('a private-key block cut short ends with its base64 lines; a public key or certificate is no secret', () => {
    const text = `-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\nBKcwggSjAgEAAoIBAQC7\r\n\r\nThe rest was cut.`;
    assert.deepEqual(kinds(text), [['private-key', '-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\nBKcwggSjAgEAAoIBAQC7']]);
    const two = '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n\n-----BEGIN PRIVATE KEY-----\nMIIBVA\n-----END PRIVATE KEY-----';
    assert.deepEqual(kinds(two), [
      ['private-key', '-----BEGIN PRIVATE KEY-----\nMIIEvQ'],
      ['private-key', '-----BEGIN PRIVATE KEY-----\nMIIBVA\n-----END PRIVATE KEY-----'],
    ]);
    assert.deepEqual(kinds('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----'), []);
  });

  test('a password in a URL: the password only, not a placeholder', () => {
    const text = 'Exfiltrated to ftp://backup:S3cr3t!pass@files.example.com/drop and https://admin:hunter2@10.0.0.5:8443/ui';
    assert.deepEqual(kinds(text), [
      ['url-password', 'S3cr3t!pass'],
      ['url-password', 'hunter2'],
    ]);
    assert.deepEqual(kinds('postgres://app:<password>@db/x, https://u:****@h/, https://u:[REDACTED]@h/, https://user@h/, https://h:8443/, mailto:a@b.example.com'), []);
  });

  test('an assigned password, key or token that looks like one', () => {
    assert.deepEqual(kinds('password = Summer2023!'), [['password-assignment', 'Summer2023!']]);
    assert.deepEqual(kinds('- **Password:** Tr0ub4dor&3'), [['password-assignment', 'Tr0ub4dor&3']]);
    assert.deepEqual(kinds('api_key: "8f2d9c1e7b6a"'), [['password-assignment', '8f2d9c1e7b6a']]);
    assert.deepEqual(kinds('PWD=s3cretValue9; SECRET: Zx81yyyyQ; Access-Token = tok3nValue9; AUTH_TOKEN: qq9qq9qq9'), [
      ['password-assignment', 's3cretValue9'],
      ['password-assignment', 'Zx81yyyyQ'],
      ['password-assignment', 'tok3nValue9'],
      ['password-assignment', 'qq9qq9qq9'],
    ]);
    assert.deepEqual(kinds('Password: rotated. password = ${DB_PASSWORD} and secret: <redacted>, token=changeme, pwd: short1'), []);
  });
});

suite('secrets: what is not a secret', () => {
  test('hashes, IOCs, UUIDs and prose are not secrets', () => {
    const text = [
      'SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'SHA-1 da39a3ee5e6b4b0d3255bfef95601890afd80709 with a secret near it',
      'MD5 d41d8cd98f00b204e9800998ecf8427e, CVE-2021-44228, 203.0.113.7, hxxps://evil[.]example[.]com/x',
      'Request 550e8400-e29b-41d4-a716-446655440000; the AKIA prefix marks AWS keys; ghp_ tokens are GitHub’s; eyJ starts a JWT.',
    ].join('\n');
    assert.deepEqual(findSecrets(text), []);
  });

  test('a secret inside another is reported once', () => {
    const jwt = SAMPLES.find(([kind]) => kind === 'jwt')![1];
    assert.deepEqual(kinds(`token=${jwt}`).map(([kind]) => kind), ['jwt']);
  });
});

suite('secrets: redaction', () => {
  test('replaces the secret with [REDACTED], keeping what is around it, and the result has no secret left', () => {
    const text = `key ${AWS_KEY_ID} and ftp://backup:S3cr3t!pass@files.example.com/ and -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----\nend`;
    const redacted = applyEdits(text, findSecrets(text).map(redaction));
    assert.equal(redacted, `key ${REDACTED} and ftp://backup:${REDACTED}@files.example.com/ and ${REDACTED}\nend`);
    assert.deepEqual(findSecrets(redacted), []);
  });

  test('the preview masks all but the first characters', () => {
    const [secret] = findSecrets(`x ${AWS_KEY_ID}`);
    assert.equal(secret.preview, 'AKIA… (20 characters)');
    assert.equal(secret.label, 'AWS access key ID');
    assert.ok(!secret.preview.includes(AWS_KEY_ID.slice(4, 10)));
  });
});

suite('TLP', () => {
  test('CLEAR and GREEN are widely shared, the others not', () => {
    assert.deepEqual(
      (['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED', null] as const).map(isWidelyShared),
      [true, true, false, false, false, false],
    );
  });
});
