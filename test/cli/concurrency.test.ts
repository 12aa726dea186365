import * as assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_REPORT, ERROR_REPORT, NOTES, WARNING_REPORT } from './fixtures';
import { assertNoCrash, cli, TempFolder, type CliRun } from './helpers';

const REPORTS = 150;

/**
 * Reports of every outcome (clean, warned, failing, with a template of the folder), files that are no reports, a
 * binary file and a dangling link under the report globs, and problems in the configuration and a template file.
 */
function manyReports(): TempFolder {
  const template = 'id: postmortem\nname: Postmortem\nkind: operational\nsections:\n  - title: What Happened\n    required: true\n';
  const files: Record<string, string | Buffer> = {
    '.incident-report.yaml': 'templates: team/templates\nrules:\n  content.todo: error\nfolder: 2\n',
    'team/templates/postmortem.yaml': template,
    'team/templates/broken.yml': 'id: Not Valid\n',
    'notes/meeting.md': NOTES,
    'notes/review.md': ERROR_REPORT,
    'incidents/junk.md': Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)),
  };
  const kinds = [
    CLEAN_REPORT,
    WARNING_REPORT,
    ERROR_REPORT,
    `---\ntemplate: postmortem\n---\n# Incident Report: Short\n\n## Something Else\n\nText.\n`,
    CLEAN_REPORT.replace('2024-03-14 09:40 UTC', 'yesterday at tea time'),
  ];
  for (let i = 0; i < REPORTS; i++) {
    files[`incidents/${i % 3 === 0 ? 'older/' : ''}${String(i).padStart(3, '0')}.md`] = kinds[i % kinds.length].replace('Checkout outage', `Checkout outage ${i}`);
  }
  const folder = new TempFolder(files);
  symlinkSync(join(folder.path, 'nowhere.md'), join(folder.path, 'incidents', '050-dangling.md'));
  return folder;
}

function lint(folder: TempFolder, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const run = cli(['lint', ...args], folder.path, env);
  assertNoCrash(run);
  return run;
}

/** The number of files each thread linted, from the line `NODE_DEBUG=incident-report` prints. */
function filesPerThread(run: CliRun): number[] {
  const match = /lint: (\d+) threads linted ([\d, ]+) of (\d+) files/.exec(run.stderr);
  assert.ok(match, run.stderr);
  const counts = match[2].split(', ').map(Number);
  assert.equal(counts.length, Number(match[1]));
  assert.equal(counts.reduce((sum, count) => sum + count, 0), Number(match[3]));
  return counts;
}

suite('lint --concurrency', () => {
  let folder: TempFolder;
  suiteSetup(() => (folder = manyReports()));
  suiteTeardown(() => folder.dispose());

  test('the files are shared out among the threads asked for, and every worker lints some', () => {
    const threads = filesPerThread(lint(folder, ['--concurrency', '3', '--format', 'json'], { NODE_DEBUG: 'incident-report' }));
    assert.equal(threads.length, 3);
    assert.ok(threads.every((count) => count > 0), threads.join(', '));
    assert.equal(filesPerThread(lint(folder, ['--concurrency', '2'], { NODE_DEBUG: 'incident-report' })).length, 2);
    assert.doesNotMatch(lint(folder, ['--concurrency', '1'], { NODE_DEBUG: 'incident-report' }).stderr, /threads linted/);
  });

  for (const format of ['stylish', 'json', 'sarif']) {
    test(`${format}: threads print what one thread prints, errors on stderr in the same order, with the same exit code`, () => {
      const serial = lint(folder, ['--concurrency', '1', '--format', format]);
      assert.equal(serial.status, 2);
      assert.equal(
        serial.stderr,
        'incident-report: cannot read incidents/050-dangling.md: no such file\nincident-report: cannot read incidents/junk.md: not a text file (it contains NUL bytes)\n',
      );
      assert.match(serial.stdout, format === 'stylish' ? /· 151 reports checked\n$/ : /incidents\/older\/147\.md/);
      for (const args of [['--concurrency', '2'], ['--concurrency', '5']]) {
        assert.deepEqual(lint(folder, [...args, '--format', format]), serial, args.join(' '));
      }
    });
  }

  test('exit codes 1 and 0 are the same in threads', () => {
    const reports = new TempFolder();
    try {
      for (let i = 0; i < 60; i++) reports.write(`incidents/${i}.md`, (i % 2 ? WARNING_REPORT : CLEAN_REPORT).replace('Checkout outage', `Checkout outage ${i}`));
      for (const [args, status] of [
        [[], 0],
        [['--max-warnings', '29'], 1],
        [['--max-warnings', '30'], 0],
      ] as const) {
        const serial = lint(reports, ['--concurrency', '1', ...args]);
        assert.equal(serial.status, status, serial.stdout + serial.stderr);
        assert.deepEqual(lint(reports, ['--concurrency', '4', ...args]), serial);
      }
    } finally {
      reports.dispose();
    }
  });

  test('--concurrency takes auto or a number of threads', () => {
    assert.equal(lint(folder, ['--concurrency', 'auto', 'notes/meeting.md', '--format', 'json']).status, 1);
    for (const value of ['0', 'two', '1.5', '']) {
      const run = cli(['lint', '--concurrency', value], folder.path);
      assert.equal(run.status, 2, value);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `incident-report lint: --concurrency takes auto or a number of threads from 1, not "${value}" (see "incident-report lint --help")\n`);
    }
  });
});
