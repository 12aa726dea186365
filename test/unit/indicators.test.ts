import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits/apply';
import {
  defang,
  defangValue,
  findIndicators,
  isIpv6,
  isPrivateAddress,
  refang,
  scanIndicators,
  type IndicatorType,
} from '../../src/core/security/indicators';

const found = (text: string) => findIndicators(text).map((i) => [i.type, i.value]);
const foundWritten = (text: string) => findIndicators(text).map((i) => [i.type, i.written, i.defanged]);

suite('indicators: finding them', () => {
  test('finds each type, live', () => {
    const text = [
      'IPv4 198.51.100.23 and IPv6 2001:db8::7 and fe80::1 and ::ffff:192.0.2.1',
      'https://login.evil-example.com/sso?next=%2F#top and ftp://files.example.net/drop',
      'domains update-check.net and cdn.example.co.uk, mail ops.team@corp.example.org',
      'md5 d41d8cd98f00b204e9800998ecf8427e sha1 DA39A3EE5E6B4B0D3255BFEF95601890AFD80709',
      'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, CVE-2021-44228 and cve-2023-4966',
    ].join('\n');
    assert.deepEqual(found(text), [
      ['ipv4', '198.51.100.23'],
      ['ipv6', '2001:db8::7'],
      ['ipv6', 'fe80::1'],
      ['ipv6', '::ffff:192.0.2.1'],
      ['url', 'https://login.evil-example.com/sso?next=%2F#top'],
      ['url', 'ftp://files.example.net/drop'],
      ['domain', 'update-check.net'],
      ['domain', 'cdn.example.co.uk'],
      ['email', 'ops.team@corp.example.org'],
      ['md5', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['sha1', 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709'],
      ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['cve', 'CVE-2021-44228'],
      ['cve', 'CVE-2023-4966'],
    ]);
    assert.ok(findIndicators(text).every((i) => !i.defanged && text.slice(i.range.start, i.range.end) === i.written));
  });

  test('recognises every defanged form and gives the refanged value', () => {
    const text = [
      'hxxps://evil[.]example[.]com/a hXXp[:]//bad(.)example(.)net/b https[://]c2[dot]example[.]org',
      '203.0.113[.]7 198[.]51[.]100[.]9 2001[:]db8[:][:]2 ops[@]evil[.]example[.]com admin[at]corp[.]example[.]org',
    ].join('\n');
    assert.deepEqual(
      findIndicators(text).map((i) => [i.type, i.value, i.written, i.defanged]),
      [
        ['url', 'https://evil.example.com/a', 'hxxps://evil[.]example[.]com/a', true],
        ['url', 'hTTp://bad.example.net/b', 'hXXp[:]//bad(.)example(.)net/b', true],
        ['url', 'https://c2.example.org', 'https[://]c2[dot]example[.]org', true],
        ['ipv4', '203.0.113.7', '203.0.113[.]7', true],
        ['ipv4', '198.51.100.9', '198[.]51[.]100[.]9', true],
        ['ipv6', '2001:db8::2', '2001[:]db8[:][:]2', true],
        ['email', 'ops@evil.example.com', 'ops[@]evil[.]example[.]com', true],
        ['email', 'admin@corp.example.org', 'admin[at]corp[.]example[.]org', true],
      ],
    );
    for (const indicator of findIndicators(text)) assert.equal(text.slice(indicator.range.start, indicator.range.end), indicator.written);
  });

  test('does not take file names, versions, abbreviations, code or sentence ends for domains', () => {
    const text = [
      'Dropped payload.exe, config.yaml, README.md, run.sh, libevil.so, invoice.zip and report.pdf.',
      'Version v1.2.3, 10.4 and 3.11.2; e.g. this, i.e. that, U.S. agencies at 9 a.m. and St. Louis.',
      'It was done.Now we know. Uses ASP.NET, Node.js and Socket.IO; console.log(x) and os.system(cmd).',
      'Paths /var/www/index.html and C:\\Temp\\evil.com stay; so does my_evil.com.',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  test('a file-extension TLD is a domain when defanged, in a URL, or after www.', () => {
    assert.deepEqual(found('evil[.]zip, https://dl.evil.zip/x and www.evil.mov, but evil.zip'), [
      ['domain', 'evil.zip'],
      ['url', 'https://dl.evil.zip/x'],
      ['domain', 'www.evil.mov'],
    ]);
  });

  test('Markdown around indicators is not part of them', () => {
    const text = '- **evil.example.com** and `203.0.113.5` and [the portal](https://portal.example.com/login) (see https://en.wikipedia.org/wiki/Foo_(bar)). <https://x.example.org>';
    assert.deepEqual(found(text), [
      ['domain', 'evil.example.com'],
      ['ipv4', '203.0.113.5'],
      ['url', 'https://portal.example.com/login'],
      ['url', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
      ['url', 'https://x.example.org'],
    ]);
  });

  test('a URL’s host and an address’s domain are not listed again, and hosts must be real', () => {
    assert.deepEqual(foundWritten('http://203.0.113.9:8080/x http://[2001:db8::1]/ user@mail.example.com http://intranet/ x'), [
      ['url', 'http://203.0.113.9:8080/x', false],
      ['url', 'http://[2001:db8::1]/', false],
      ['email', 'user@mail.example.com', false],
    ]);
  });

  test('times, MAC addresses and C++ scopes are not IPv6 addresses', () => {
    assert.deepEqual(found('At 10:30:00, 00:1a:2b:3c:4d:5e saw std::string and :: alone.'), []);
    assert.equal(isIpv6('1:2:3:4:5:6:7:8'), true);
    assert.equal(isIpv6('1:2:3:4:5:6:7:8:9'), false);
    assert.equal(isIpv6('1::2::3'), false);
    assert.equal(isIpv6('::'), false);
  });
});

suite('indicators: malformed', () => {
  test('a hash of the wrong length, an octet over 255 and a malformed CVE ID are malformed', () => {
    const text = 'd41d8cd98f00b204e9800998ecf8427e0 999.1.1.1 203.0.113.256 CVE-2021-123 CVE-21-1234 CVE2021-44228 CVE-1990-1234';
    assert.deepEqual(
      scanIndicators(text).malformed.map((m) => [m.kind, m.written]),
      [
        ['hash-length', 'd41d8cd98f00b204e9800998ecf8427e0'],
        ['ipv4-octet', '999.1.1.1'],
        ['ipv4-octet', '203.0.113.256'],
        ['cve-format', 'CVE-2021-123'],
        ['cve-format', 'CVE-21-1234'],
        ['cve-format', 'CVE2021-44228'],
        ['cve-format', 'CVE-1990-1234'],
      ],
    );
    assert.match(scanIndicators(text).malformed[0].message, /33 hex digits/);
    assert.deepEqual(found(text), []);
  });

  test('well-formed ones, long numbers, words and a hex run inside a URL are not malformed', () => {
    const text = `d41d8cd98f00b204e9800998ecf8427e 203.0.113.255 CVE-1999-0001 CVE-2024-123456 ${'1'.repeat(35)} https://example.com/${'ab12'.repeat(9)} ${'a1'.repeat(40)}`;
    assert.deepEqual(scanIndicators(text).malformed, []);
  });

  test('a defanged IPv4 with a bad octet is malformed too', () => {
    assert.deepEqual(scanIndicators('300[.]1[.]1[.]1').malformed.map((m) => m.written), ['300[.]1[.]1[.]1']);
  });
});

suite('indicators: private addresses', () => {
  test('RFC 1918, loopback, link-local, unique local and mapped private addresses are private', () => {
    for (const address of ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.10.1', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.1.2.3']) {
      assert.equal(isPrivateAddress(address), true, address);
    }
  });

  test('public addresses and anything else are not', () => {
    for (const value of ['8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '11.0.0.1', '2001:db8::1', '::2', 'fec0::1', '::ffff:8.8.8.8', '999.1.1.1', 'example.com']) {
      assert.equal(isPrivateAddress(value), false, value);
    }
  });
});

suite('indicators: defang and refang', () => {
  const live = 'See https://evil.example.com/x.php?a=1, 198.51.100.23, ops@evil.example.org, update-check.net, 2001:db8::1 and ftp://files.example.net/.\nHash d41d8cd98f00b204e9800998ecf8427e, CVE-2021-44228.';

  test('defangs every live network indicator in one set of edits; hashes and CVE IDs stay', () => {
    assert.equal(
      applyEdits(live, defang(live)),
      'See hxxps://evil[.]example[.]com/x.php?a=1, 198[.]51[.]100[.]23, ops[@]evil[.]example[.]org, update-check[.]net, 2001[:]db8[:][:]1 and ftp[://]files[.]example[.]net/.\nHash d41d8cd98f00b204e9800998ecf8427e, CVE-2021-44228.',
    );
  });

  test('refanging the defanged text gives the original back, and defanging twice changes nothing', () => {
    const defanged = applyEdits(live, defang(live));
    assert.equal(applyEdits(defanged, refang(defanged)), live);
    assert.deepEqual(defang(defanged), []);
    assert.deepEqual(refang(live), []);
    assert.ok(findIndicators(defanged).filter((i) => i.type !== 'md5' && i.type !== 'cve').every((i) => i.defanged));
  });

  test('the dot and "@" of the defanged form follow the configured style', () => {
    const text = 'evil.example.com ops@mail.example.org';
    assert.equal(applyEdits(text, defang(text, undefined, { dot: '(.)', at: '[at]' })), 'evil(.)example(.)com ops[at]mail(.)example(.)org');
    assert.equal(applyEdits(text, defang(text, undefined, { dot: '[dot]', at: '[@]' })), 'evil[dot]example[dot]com ops[@]mail[dot]example[dot]org');
  });

  test('only indicators in the selection, or at the cursor, are changed', () => {
    const text = 'a evil.example.com b 198.51.100.23 c';
    const start = text.indexOf('198');
    assert.equal(applyEdits(text, defang(text, { start, end: start + 3 })), 'a evil.example.com b 198[.]51[.]100[.]23 c');
    assert.equal(applyEdits(text, defang(text, { start: 4, end: 4 })), 'a evil[.]example[.]com b 198.51.100.23 c');
    assert.deepEqual(defang(text, { start: 0, end: 1 }), []);
    const defanged = 'x hxxp://a[.]example[.]com y evil[.]example[.]net';
    assert.equal(applyEdits(defanged, refang(defanged, { start: defanged.length - 3, end: defanged.length })), 'x hxxp://a[.]example[.]com y evil.example.net');
  });

  test('a defanged value is read back as the same indicator (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'net', 'org', 'io', 'ru', 'co.uk', 'xyz', 'top')).map(([labels, tld]) => [...labels, tld].join('.'));
    const octet = fc.integer({ min: 0, max: 255 });
    const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
    const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((groups) => groups.map((g) => g.toString(16)).join(':'));
    // A path that does not end in what prose puts after a URL (".", "_" of emphasis …): that is trimmed by design.
    const path = fc.stringMatching(/^(?:\/(?:[A-Za-z0-9._~-]{0,6}[A-Za-z0-9])?){0,3}$/);
    const url = fc.tuple(fc.constantFrom('http', 'https', 'HTTPS', 'ftp'), domain, path).map(([scheme, host, p]) => `${scheme}://${host}${p}`);
    const email = fc.tuple(fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,8}[a-z0-9])?$/), domain).map(([local, host]) => `${local}@${host}`);
    const indicator = fc.oneof(
      domain.map((value) => ({ type: 'domain' as const, value })),
      ipv4.map((value) => ({ type: 'ipv4' as const, value })),
      ipv6.map((value) => ({ type: 'ipv6' as const, value })),
      url.map((value) => ({ type: 'url' as const, value })),
      email.map((value) => ({ type: 'email' as const, value })),
    );
    const separator = fc.constantFrom(' ', '\n', ', ', ' and ', '\n- ', ' (', ') ');
    const style = fc.record({ dot: fc.constantFrom('[.]' as const, '(.)' as const, '[dot]' as const), at: fc.constantFrom('[@]' as const, '[at]' as const) });
    fc.assert(
      fc.property(fc.array(fc.tuple(indicator, separator), { minLength: 1, maxLength: 6 }), style, (items, defangStyle) => {
        const text = items.map(([i, sep]) => i.value + sep).join('');
        const expected = items.map(([i]) => [i.type as IndicatorType, i.value]);
        assert.deepEqual(found(text), expected);
        const defanged = applyEdits(text, defang(text, undefined, defangStyle));
        assert.deepEqual(found(defanged), expected);
        assert.ok(findIndicators(defanged).every((i) => i.defanged));
        assert.equal(applyEdits(defanged, refang(defanged)), text);
        for (const [i] of items) assert.notEqual(defangValue(i.value, i.type), i.value);
      }),
      { numRuns: 300 },
    );
  });
});

suite('indicators: scale', () => {
  test('a long IOC list and long runs without indicators are read in one pass', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `- evil${i}[.]example[.]com, 10.0.${i % 256}[.]${i % 250}`).join('\n');
    assert.equal(findIndicators(list).length, 6000);
    const noise = `${'a'.repeat(200_000)} ${'1.'.repeat(50_000)} ${':'.repeat(50_000)} ${'@'.repeat(20_000)} ${'f'.repeat(100_000)}`;
    assert.deepEqual(findIndicators(noise), []);
  });
});
