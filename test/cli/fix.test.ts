import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_REPORT, ERROR_REPORT, FIXABLE, NOTES, UNFIXABLE } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';

/** An operational report whose attack-specific sections are still the template's, but for an IOC code block. */
const OUTAGE_DRAFT = CLEAN_REPORT.replace('kind: operational\n', '')
  .replace('### Initial Access\n\nN/A (operational incident, not an attack)', '### Initial Access\n\n- **Date/Time:** YYYY-MM-DD HH:MM UTC\n- **Vector:** How the attacker got in')
  .replace('## Attack Methodology\n\nN/A (operational incident, not an attack)\n', '## Attack Methodology\n')
  .replace('## Indicators of Compromise\n\nN/A (operational incident, not an attack)', '## Indicators of Compromise\n\n```\nresolver-3.internal\n```');

const noTemporaryFiles = (folder: TempFolder, sub: string) => assert.deepEqual(readdirSync(join(folder.path, sub)).filter((name) => name.endsWith('.tmp')), []);

suite('fix', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('fixes every report in place, one line per changed file, and exits 0 when no error is left', () => {
    folder = new TempFolder({ 'incidents/fixable.md': FIXABLE, 'incidents/clean.md': CLEAN_REPORT, 'notes.md': NOTES });
    const cleanBefore = statSync(join(folder.path, 'incidents/clean.md')).mtimeMs;
    const run = cli(['fix'], folder.path);
    assertNoCrash(run);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.equal(lines[0], 'incidents/fixable.md: fixed 1 problem (Move "Recommendations" to its template position)');
    assert.equal(lines[1], '1 of 2 reports changed; 0 error-severity problems left');
    const fixed = folder.read('incidents/fixable.md');
    assert.ok(fixed.indexOf('## Executive Summary') < fixed.indexOf('## Recommendations'), fixed);
    assert.equal(statSync(join(folder.path, 'incidents/clean.md')).mtimeMs, cleanBefore, 'an unchanged file is not written');
    assert.equal(folder.read('notes.md'), NOTES, 'a file that is no report is left alone');
    noTemporaryFiles(folder, 'incidents');
    const again = cli(['fix'], folder.path);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, '0 of 2 reports changed; 0 error-severity problems left\n', 'fixing twice changes nothing the second time');
  });

  test('exits 1 when an error-severity problem is left, and still writes what it could fix', () => {
    folder = new TempFolder({ 'incidents/unfixable.md': UNFIXABLE.replace('## Executive Summary', '## Executive Sumary') });
    const run = cli(['fix'], folder.path);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^incidents\/unfixable\.md: fixed 1 problem \(Rename to "Executive Summary"\)$/m);
    assert.match(run.stdout, /1 error-severity problem left \(incident-report lint lists it\)$/m);
    assert.match(folder.read('incidents/unfixable.md'), /^## Executive Summary$/m);
  });

  test('--dry-run prints a unified diff that git can apply, and writes nothing', () => {
    folder = new TempFolder({ 'incidents/broken.md': ERROR_REPORT });
    const run = cli(['fix', '--dry-run'], folder.path);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(folder.read('incidents/broken.md'), ERROR_REPORT);
    assert.match(run.stdout, /^--- a\/incidents\/broken\.md\n\+\+\+ b\/incidents\/broken\.md\n@@ /);
    assert.match(run.stdout, /^\+## Recommendations$/m);
    assert.equal(run.stderr, 'incident-report fix: 1 of 1 report would change; 0 error-severity problems left\n');
    execFileSync('git', ['init', '-q'], { cwd: folder.path });
    execFileSync('git', ['apply', '-'], { cwd: folder.path, input: run.stdout });
    assert.equal(cli(['lint'], folder.path).status, 0, 'the diff applied gives a report without errors');
  });

  test('keeps CRLF line endings, the BOM, permissions and symbolic links', () => {
    const crlf = `\uFEFF${ERROR_REPORT.replace(/\n/g, '\r\n')}`;
    folder = new TempFolder({ 'reports/real.md': crlf });
    chmodSync(join(folder.path, 'reports/real.md'), 0o640);
    symlinkSync(join(folder.path, 'reports/real.md'), join(folder.path, 'reports/link.md'));
    const run = cli(['fix', 'reports/link.md'], folder.path);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const fixed = readFileSync(join(folder.path, 'reports/real.md'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF---\r\n'), JSON.stringify(fixed.slice(0, 20)));
    assert.ok(fixed.includes('\r\n## Recommendations\r\n'));
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'every line break is still CRLF');
    assert.equal(statSync(join(folder.path, 'reports/real.md')).mode & 0o777, 0o640);
    assert.ok(lstatSync(join(folder.path, 'reports/link.md')).isSymbolicLink(), 'the link is still a link');
    noTemporaryFiles(folder, 'reports');
  });

  test('usage errors and unreadable files exit 2; the other files are still fixed', () => {
    folder = new TempFolder({ 'incidents/broken.md': ERROR_REPORT, 'incidents/latin1.md': Buffer.from('# Incident Report: caf\xe9\n', 'latin1') });
    const usage = cli(['fix', '--dry'], folder.path);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^incident-report fix: .*--dry.* \(see "incident-report fix --help"\)\n$/);
    const run = cli(['fix'], folder.path);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'incident-report: cannot rewrite incidents/latin1.md: it is not UTF-8 text\n');
    assert.match(folder.read('incidents/broken.md'), /## Recommendations/);
    assert.equal(readFileSync(join(folder.path, 'incidents/latin1.md'), 'latin1'), '# Incident Report: caf\xe9\n', 'bytes that are not UTF-8 are never rewritten');
  });
});

suite('mark-na', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('marks the attack-specific sections of the reports named, keeps written content, and is idempotent', () => {
    folder = new TempFolder({ 'outage.md': OUTAGE_DRAFT });
    const run = cli(['mark-na', 'outage.md', '--reason', 'bad zone push'], folder.path);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, 'outage.md: attack-specific sections marked N/A (bad zone push); kind: operational\n1 of 1 report changed; 0 error-severity problems left\n');
    const marked = folder.read('outage.md');
    assert.match(marked, /^---\nkind: operational\ntemplate: operational-outage\n/);
    assert.match(marked, /### Initial Access\n\nN\/A \(bad zone push\)\n\n- \*\*Date\/Time:\*\* N\/A\n- \*\*Vector:\*\* N\/A\n/);
    assert.match(marked, /## Attack Methodology\n\nN\/A \(bad zone push\)\n/);
    assert.match(marked, /## Indicators of Compromise\n\n```\nresolver-3\.internal\n```\n/, 'a section with a code block is content someone wrote');
    const again = cli(['mark-na', 'outage.md'], folder.path);
    assert.equal(again.stdout, '0 of 1 report changed; 0 error-severity problems left\n');
    assert.equal(folder.read('outage.md'), marked);
  });

  test('exits 1 when errors that are not about N/A are left', () => {
    folder = new TempFolder({ 'outage.md': '# Incident Report: DNS outage\n\n## Attack Methodology\n' });
    const run = cli(['mark-na', 'outage.md'], folder.path);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^1 of 1 report changed; \d+ error-severity problems left \(incident-report lint lists them\)$/m);
  });

  test('--dry-run writes nothing; no file named is a usage error', () => {
    folder = new TempFolder({ 'incidents/outage.md': OUTAGE_DRAFT });
    const dry = cli(['mark-na', '--dry-run', 'incidents'], folder.path);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^\+N\/A \(operational incident, not an attack\)$/m);
    assert.equal(folder.read('incidents/outage.md'), OUTAGE_DRAFT);
    const none = cli(['mark-na'], folder.path);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'incident-report mark-na: name the reports (files or folders) to mark (see "incident-report mark-na --help")\n');
  });
});

suite('files that are not regular files', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('a FIFO named is refused at once with exit 2, never read; one in a folder is passed over', () => {
    folder = new TempFolder({ 'incidents/clean.md': CLEAN_REPORT });
    execFileSync('mkfifo', [join(folder.path, 'incidents', 'pipe.md')]);
    for (const args of [['lint', 'incidents/pipe.md'], ['fix', 'incidents/pipe.md'], ['export', 'incidents/pipe.md']]) {
      const run = cli(args, folder.path);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stderr, 'incident-report: cannot read incidents/pipe.md: not a regular file\n', args.join(' '));
    }
    const walked = cli(['lint'], folder.path);
    assert.equal(walked.status, 0, walked.stderr);
    assert.equal(walked.stdout, '✔ 1 report checked, no problems\n');
  });
});
