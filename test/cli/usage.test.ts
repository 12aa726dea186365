import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ERROR_REPORT } from './fixtures';
import { CLI, cli, readJson, ROOT, TempFolder } from './helpers';

const COMMANDS = ['lint', 'export', 'timeline', 'render', 'new'];

suite('usage', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({ 'incidents/broken.md': ERROR_REPORT });
  });
  teardown(() => folder.dispose());

  test('--version prints the version of package.json', () => {
    const { version } = readJson(join(ROOT, 'package.json')) as { version: string };
    for (const flag of ['--version', '-v']) assert.deepEqual(cli([flag], folder.path), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists the commands; each command has its own help', () => {
    const help = cli(['--help'], folder.path);
    assert.equal(help.status, 0);
    for (const command of COMMANDS) assert.match(help.stdout, new RegExp(`^  ${command} +\\S`, 'm'));
    for (const command of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const run = cli([command, flag], folder.path);
        assert.equal(run.status, 0);
        assert.match(run.stdout, new RegExp(`^Usage: incident-report ${command} `));
        assert.match(run.stdout, /\nExit codes: 0 /);
      }
    }
  });

  test('no command or an unknown one is a usage error', () => {
    const none = cli([], folder.path);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^Usage: incident-report <command>/);
    const unknown = cli(['check'], folder.path);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'incident-report: unknown command "check" (commands: lint, fix, mark-na, export, timeline, render, actions, stats, new; see "incident-report --help")\n');
  });

  suite('colour', () => {
    /** Runs the CLI with stdout on a pseudo-terminal, through util-linux `script`. */
    function onTerminal(env: NodeJS.ProcessEnv): string {
      const environment = { ...process.env, ...env };
      if (!('NO_COLOR' in env)) delete environment.NO_COLOR;
      const run = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" lint`, '/dev/null'], { cwd: folder.path, env: environment, encoding: 'utf8' });
      if (run.error) throw run.error;
      return run.stdout;
    }

    test('stylish output is coloured on a terminal', () => {
      const output = onTerminal({});
      assert.match(output, /\x1b\[31merror\x1b\[39m/);
      assert.match(output, /\x1b\[4mincidents\/broken\.md\x1b\[24m/);
    });

    test('NO_COLOR turns colour off, unless it is empty', () => {
      const output = onTerminal({ NO_COLOR: '1' });
      assert.match(output, /incidents\/broken\.md/);
      assert.doesNotMatch(output, /\x1b\[/);
      assert.match(onTerminal({ NO_COLOR: '' }), /\x1b\[31merror/);
    });
  });
});
