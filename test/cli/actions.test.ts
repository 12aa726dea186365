import * as assert from 'node:assert/strict';
import { CLEAN_REPORT, PORTFOLIO } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';

suite('actions', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder(PORTFOLIO);
  });
  teardown(() => folder.dispose());

  /** 1-based line of the line of `file` that contains `text`. */
  const lineOf = (file: string, text: string) => PORTFOLIO[file].split('\n').findIndex((line) => line.includes(text)) + 1;

  test('json: every action item with file, line, owner, due, status, priority and overdue', () => {
    const run = cli(['actions', '--format', 'json'], folder.path);
    assertNoCrash(run);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      actions: [
        { file: 'incidents/r1.md', line: lineOf('incidents/r1.md', '[ ] Add a lock timeout'), text: 'Add a lock timeout to migrations', owner: '@db', due: '2024-04-01', status: 'open', priority: 'P1', overdue: true },
        { file: 'incidents/r1.md', line: lineOf('incidents/r1.md', 'Roll back'), text: 'Roll back the migration', owner: '@db', due: '2024-03-15', status: 'done', priority: null, overdue: false },
        { file: 'incidents/r2.md', line: lineOf('incidents/r2.md', 'replication lag'), text: 'Page on replication lag @sre due 2099-01-01 P2', owner: '@sre', due: '2099-01-01', status: 'open', priority: 'P2', overdue: false },
        { file: 'incidents/r3.md', line: lineOf('incidents/r3.md', 'Move backups'), text: 'Move backups off the primary', owner: '@storage', due: '2024-08-01', status: 'open', priority: null, overdue: true },
        { file: 'incidents/r3.md', line: lineOf('incidents/r3.md', 'Restore from'), text: 'Restore from backup', owner: '@storage', due: '2024-07-02', status: 'done', priority: null, overdue: false },
        { file: 'incidents/r4.md', line: lineOf('incidents/r4.md', 'failover runbook'), text: 'Write the failover runbook', owner: null, due: null, status: 'open', priority: null, overdue: false },
      ],
    });
  });

  const tricky = `${CLEAN_REPORT}- [ ] Say "hi", then leave (owner: @a, due: 2099-01-01)\n- [ ] Fix the a|b parser\n  on two lines (owner: @b, due: 2099-01-02)\n`;

  test('csv: RFC 4180, quotes doubled and fields with commas quoted, CRLF', () => {
    const one = new TempFolder({ 'incidents/tricky.md': tricky });
    try {
      const run = cli(['actions', '-f', 'csv'], one.path);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        [
          'file,line,status,overdue,due,owner,priority,text',
          'incidents/tricky.md,75,open,,2099-01-01,@a,,"Say ""hi"", then leave"',
          'incidents/tricky.md,76,open,,2099-01-02,@b,,Fix the a|b parser on two lines',
          '',
        ].join('\r\n'),
      );
    } finally {
      one.dispose();
    }
  });

  test('markdown (default): a table with | escaped', () => {
    const one = new TempFolder({ 'incidents/tricky.md': tricky });
    try {
      const run = cli(['actions'], one.path);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        [
          '| file | line | status | overdue | due | owner | priority | text |',
          '| --- | --- | --- | --- | --- | --- | --- | --- |',
          '| incidents/tricky.md | 75 | open |  | 2099-01-01 | @a |  | Say "hi", then leave |',
          '| incidents/tricky.md | 76 | open |  | 2099-01-02 | @b |  | Fix the a\\|b parser on two lines |',
          '',
        ].join('\n'),
      );
    } finally {
      one.dispose();
    }
  });

  test('a file that cannot be read is named on stderr, exit 2, the others still listed', () => {
    const run = cli(['actions', '-f', 'json', 'incidents/r2.md', 'incidents/missing.md'], folder.path);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing\.md/);
    assert.equal(JSON.parse(run.stdout).actions.length, 1);
  });
});
