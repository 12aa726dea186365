import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLEAN_REPORT, ERROR_REPORT, WARNING_REPORT } from './fixtures';
import { CLI, cli, readJson, ROOT, TempFolder } from './helpers';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const manifest = readJson(join(ROOT, 'package.json')) as { name: string; version: string; bin: Record<string, string> };
const lintStep = action.runs.steps.find((step) => step.id === 'lint');

/** The `inputs.<name>` a piece of the action refers to. */
function inputsReferenced(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/\binputs\.([\w-]+)/g)].map((match) => match[1]);
}

suite('GitHub Action (action.yml)', () => {
  test('is a composite action whose inputs are all described, used by its steps, and the only ones used', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    const declared = Object.keys(action.inputs);
    assert.deepEqual(declared.sort(), ['category', 'format', 'max-warnings', 'paths', 'sarif-file', 'upload']);
    const used = new Set(inputsReferenced(action.runs.steps));
    for (const name of declared) {
      assert.ok(action.inputs[name].description, `input ${name} has no description`);
      assert.ok(used.has(name), `input ${name} is used by no step`);
    }
    for (const name of used) assert.ok(declared.includes(name), `a step uses inputs.${name}, which is not declared`);
  });

  test('every shell step names its shell, and no script holds an expression (inputs reach scripts through env)', () => {
    for (const step of action.runs.steps.filter((candidate) => candidate.run !== undefined)) {
      assert.equal(step.shell, 'bash', `step "${step.name}" has no shell`);
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step "${step.name}" puts an expression in its script`);
    }
  });

  test('uploads the SARIF file with the category, and fails afterwards with lint\'s exit code', () => {
    const names = action.runs.steps.map((step) => step.name);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'no upload-sarif step');
    assert.deepEqual(upload.with, { sarif_file: '${{ steps.lint.outputs.sarif-file }}', category: '${{ inputs.category }}' });
    assert.match(upload.if ?? '', /inputs\.upload == 'true'/);
    const fail = action.runs.steps.find((step) => step.env?.EXIT_CODE === '${{ steps.lint.outputs.exit-code }}');
    assert.ok(fail && lintStep);
    assert.ok(names.indexOf(lintStep.name) < names.indexOf(upload.name) && names.indexOf(upload.name) < names.indexOf(fail.name));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', fail.run ?? ''], { env: { ...process.env, EXIT_CODE: '1' }, encoding: 'utf8' });
    assert.equal(run.status, 1);
  });

  suite('the lint step', () => {
    let folder: TempFolder;
    setup(() => {
      folder = new TempFolder({
        'incidents/broken.md': ERROR_REPORT,
        'incidents/todo.md': WARNING_REPORT,
        'postmortems/clean.md': CLEAN_REPORT,
        // Stands in for npx, which would download the package from npm: records each call, checks that it names this
        // package's version and bin, and runs the built CLI in its place.
        'bin/npx': [
          '#!/usr/bin/env bash',
          'printf "%s\\n" "$*" >> "$NPX_CALLS"',
          `[ "$1 $2 $3 $4 $5" = "--yes --package ${manifest.name}@${manifest.version} -- incident-report" ] || exit 99`,
          'shift 5',
          `exec "${process.execPath}" "${CLI}" "$@"`,
        ].join('\n'),
      });
      chmodSync(join(folder.path, 'bin/npx'), 0o755);
    });
    teardown(() => folder.dispose());

    /** Runs the lint step's script as the runner does: inputs (over their defaults) through the step's env. */
    function runLintStep(inputs: Record<string, string>): { status: number | null; stdout: string; outputs: Record<string, string>; calls: string[] } {
      assert.ok(lintStep?.run && lintStep.env);
      const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...inputs };
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${join(folder.path, 'bin')}:${process.env.PATH}`,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: folder.write('github-output', ''),
        NPX_CALLS: folder.write('npx-calls', ''),
      };
      delete env.NO_COLOR;
      for (const [name, expression] of Object.entries(lintStep.env)) {
        const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression);
        assert.ok(input, `unexpected expression ${expression}`);
        env[name] = values[input[1]];
      }
      const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lintStep.run], { cwd: folder.path, env, encoding: 'utf8' });
      const outputs = Object.fromEntries(folder.read('github-output').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
      return { status: run.status, stdout: run.stdout, outputs, calls: folder.read('npx-calls').trim().split('\n') };
    }

    test('writes SARIF, prints the findings, records lint\'s exit code and succeeds itself', () => {
      const step = runLintStep({});
      assert.equal(step.status, 0);
      assert.deepEqual(step.outputs, { 'sarif-file': 'incident-reports.sarif', 'exit-code': '1' });
      const sarif = JSON.parse(folder.read('incident-reports.sarif')) as { version: string; runs: { results: { ruleId: string }[] }[] };
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.some((result) => result.ruleId === 'section.missing'));
      assert.match(step.stdout, /^incidents\/broken\.md$/m);
      const npx = `--yes --package ${manifest.name}@${manifest.version} -- incident-report lint`;
      assert.deepEqual(step.calls, [`${npx} --format sarif`, npx]);
    });

    test('passes paths, format and --max-warnings; the flags it passes are those of `incident-report lint --help`', () => {
      const step = runLintStep({ paths: 'incidents/todo.md\n postmortems/*.md', format: 'json', 'max-warnings': '0' });
      assert.deepEqual(step.outputs, { 'exit-code': '1' });
      const output = JSON.parse(step.stdout) as { files: { file: string }[] };
      assert.deepEqual(output.files.map((file) => file.file).sort(), ['incidents/todo.md', 'postmortems/clean.md']);
      assert.equal(step.calls.length, 1);
      assert.match(step.calls[0], / incidents\/todo\.md postmortems\/\*\.md$/, 'the shell expanded the glob');

      const help = cli(['lint', '--help'], folder.path).stdout;
      const flags = step.calls[0].split(' ').slice(5).filter((arg) => arg.startsWith('--'));
      assert.deepEqual(flags, ['--format', '--max-warnings']);
      for (const flag of flags) assert.match(help, new RegExp(`^ +(?:-\\w, )?${flag} `, 'm'), `lint --help does not list ${flag}`);
      assert.ok(Object.keys(manifest.bin).includes('incident-report'));
    });

    test('a usage error writes no SARIF file to upload, and is recorded as exit code 2', () => {
      const step = runLintStep({ paths: 'nothing/*.md' });
      assert.equal(step.status, 0);
      assert.deepEqual(step.outputs, { 'exit-code': '2' });
    });
  });
});
