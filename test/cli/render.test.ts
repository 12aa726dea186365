import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CLEAN_REPORT } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';

const RED_REPORT = CLEAN_REPORT.replace('tlp: TLP:CLEAR', 'tlp: TLP:RED');
const STRICT_REPORT = CLEAN_REPORT.replace('tlp: TLP:CLEAR', 'tlp: TLP:AMBER+STRICT');

/** The nonce of the page's policy and of its stylesheet. */
function nonces(html: string): string[] {
  return [...html.matchAll(/nonce-([0-9a-f]+)|nonce="([0-9a-f]+)"/g)].map((match) => match[1] ?? match[2]);
}

suite('render', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({ 'incidents/clean.md': CLEAN_REPORT, 'incidents/red.md': RED_REPORT, 'incidents/strict.md': STRICT_REPORT });
  });
  teardown(() => folder.dispose());

  test('prints one HTML page with the report, a fresh nonce each time', () => {
    const first = cli(['render', 'incidents/clean.md'], folder.path);
    assertNoCrash(first);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    assert.match(first.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(first.stdout, /<span class="tlp-label">TLP:CLEAR<\/span>/);
    assert.match(first.stdout, /<h1>Incident Report: Checkout outage after a database migration<\/h1>/);
    const [policy, style] = nonces(first.stdout);
    assert.equal(policy, style);
    assert.match(policy, /^[0-9a-f]{32}$/);
    const second = cli(['render', '--format', 'html', 'incidents/clean.md'], folder.path);
    assert.notEqual(nonces(second.stdout)[0], policy, 'a nonce is never reused');
  });

  test('--output writes the page to a file (replacing it) and prints nothing', () => {
    folder.write('out/report.html', 'old');
    const run = cli(['render', 'incidents/clean.md', '--output', 'out/report.html'], folder.path);
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
    const html = folder.read('out/report.html');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h2>Executive Summary<\/h2>/);
  });

  test('TLP:RED and TLP:AMBER+STRICT are refused without --yes, and rendered with it', () => {
    for (const [file, label] of [['incidents/red.md', 'TLP:RED'], ['incidents/strict.md', 'TLP:AMBER+STRICT']]) {
      const refused = cli(['render', file, '-o', 'refused.html'], folder.path);
      assertNoCrash(refused);
      assert.equal(refused.status, 2);
      assert.equal(refused.stdout, '');
      assert.equal(refused.stderr, `incident-report render: ${file} is marked ${label}: its sharing is restricted. Pass --yes to render it anyway.\n`);
      assert.ok(!existsSync(`${folder.path}/refused.html`), 'nothing written');
      for (const flag of ['--yes', '-y']) {
        const accepted = cli(['render', file, flag], folder.path);
        assert.equal(accepted.status, 0, accepted.stderr);
        assert.ok(accepted.stdout.includes(`<span class="tlp-label">${label}</span>`));
      }
    }
  });

  test('usage errors: no file, two files, an unknown format, a folder that cannot be written to', () => {
    const cases: [string[], RegExp][] = [
      [['render'], /^incident-report render: give the report file/],
      [['render', 'incidents/clean.md', 'incidents/red.md'], /^incident-report render: give one report file/],
      [['render', '--format', 'pdf', 'incidents/clean.md'], /^incident-report render: --format must be one of html, not "pdf"/],
      [['render', 'incidents/missing.md'], /missing\.md/],
      [['render', 'incidents/clean.md', '-o', 'no/such/folder/x.html'], /^incident-report render: cannot write no\/such\/folder\/x\.html: /],
    ];
    for (const [args, message] of cases) {
      const run = cli(args, folder.path);
      assertNoCrash(run);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});
