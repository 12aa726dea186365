import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, TempFolder } from './helpers';

/** Today in local time, as the CLI names files; both days when the run crosses midnight. */
function todays(run: () => void): string[] {
  const day = () => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  };
  const before = day();
  run();
  return [...new Set([before, day()])];
}

suite('new', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder();
  });
  teardown(() => folder.dispose());

  test('writes incidents/<today>-<slug>.md from the template and prints its path', () => {
    let stdout = '';
    const days = todays(() => {
      const run = cli(['new', '--template', 'operational-outage', '--title', 'Checkout: down in EU!'], folder.path);
      assert.equal(run.status, 0, run.stderr);
      stdout = run.stdout;
    });
    assert.ok(days.some((day) => stdout === `incidents/${day}-checkout-down-in-eu.md\n`), stdout);
    const text = folder.read(stdout.trim());
    assert.match(text, /^---\nkind: operational\ntemplate: operational-outage\n/);
    assert.match(text, /\n# Incident Report: Checkout: down in EU!\n/);
    assert.match(text, /\n## Attack Methodology\n\nN\/A \(operational incident, not an attack\)\n/);
  });

  test('a title is written on one line as typed: a line break cannot start a heading, $& and $` stay text', () => {
    const path = cli(['new', '-t', 'security-incident', '--title', 'Costs $& and $` rose\n## Injected\r\nheading'], folder.path).stdout.trim();
    const text = folder.read(path);
    assert.match(text, /\n# Incident Report: Costs \$& and \$` rose ## Injected heading\n/);
    assert.doesNotMatch(text, /^## Injected/m);
  });

  test('the new report passes lint with nothing but a hint per section not filled in yet', () => {
    const path = cli(['new', '-t', 'security-incident', '--title', 'Phishing'], folder.path).stdout.trim();
    const run = cli(['lint', '--format', 'json', path], folder.path);
    assert.equal(run.status, 0, run.stdout);
    const [report] = JSON.parse(run.stdout).files as { kind: string; diagnostics: { rule: string }[] }[];
    assert.equal(report.kind, 'security');
    assert.ok(report.diagnostics.length > 0);
    assert.deepEqual([...new Set(report.diagnostics.map((d) => d.rule))], ['content.unfilled']);
  });

  test('never overwrites: the same title again gets -2, and an existing file keeps its content', () => {
    const first = cli(['new', '-t', 'security-incident', '--title', 'Same'], folder.path).stdout.trim();
    folder.write(first, 'my notes\n');
    const second = cli(['new', '-t', 'security-incident', '--title', 'Same'], folder.path).stdout.trim();
    assert.equal(second, first.replace(/\.md$/, '-2.md'));
    assert.equal(folder.read(first), 'my notes\n');
    assert.match(folder.read(second), /^---\nkind: security\n/);
  });

  test('--dir, else the folder of .incident-report.yaml', () => {
    const inDir = cli(['new', '-t', 'security-incident', '--title', 'A', '--dir', 'reports/2024'], folder.path).stdout;
    assert.match(inDir, /^reports\/2024\/\d{4}-\d{2}-\d{2}-a\.md\n$/);
    folder.write('.incident-report.yaml', 'folder: postmortems\n');
    const configured = cli(['new', '-t', 'security-incident', '--title', 'B'], folder.path).stdout;
    assert.match(configured, /^postmortems\/\d{4}-\d{2}-\d{2}-b\.md\n$/);
  });

  test('a template of the folder can be used', () => {
    folder.write('.incident-reports/templates/short.yaml', 'id: short\nname: Short\nkind: operational\nsections:\n  - title: What Happened\n    required: true\n');
    const path = cli(['new', '-t', 'short', '--title', 'Disk full'], folder.path).stdout.trim();
    assert.match(folder.read(path), /^---\nkind: operational\ntemplate: short\n[\s\S]*\n## What Happened\n$/);
  });

  test('usage errors exit 2 and write nothing', () => {
    for (const [args, stderr] of [
      [['new', '--title', 'X'], /choose a --template: security-incident, operational-outage/],
      [['new', '-t', 'nope', '--title', 'X'], /no template "nope"; there are security-incident, operational-outage/],
      [['new', '-t', 'security-incident'], /give the incident a --title/],
      [['new', '-t', 'security-incident', '--title', '   '], /give the incident a --title/],
      [['new', '-t', 'security-incident', '--title', 'X', 'extra'], /unexpected argument "extra"/],
    ] as const) {
      const run = cli(args, folder.path);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, stderr);
      assert.equal(run.stdout, '');
    }
    assert.equal(existsSync(join(folder.path, 'incidents')), false);
  });

  test('a folder that cannot be created is an error naming it', () => {
    folder.write('taken', 'a file, not a folder\n');
    const run = cli(['new', '-t', 'security-incident', '--title', 'X', '--dir', 'taken/sub'], folder.path);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^incident-report new: cannot write to taken\/sub: .+\n$/);
    assert.deepEqual(readdirSync(folder.path), ['taken']);
  });
});
