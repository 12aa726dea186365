import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLEAN_REPORT, FIXABLE, UNFIXABLE } from './fixtures';
import { cli, type CliRun, readJson, ROOT, TempFolder } from './helpers';

interface Hook {
  id: string;
  name: string;
  description: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
  minimum_pre_commit_version: string;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const manifest = readJson(join(ROOT, 'package.json')) as { bin: Record<string, string>; scripts: Record<string, string> };
const hookById = (id: string): Hook => hooks.find((candidate) => candidate.id === id)!;

/**
 * Runs a hook as pre-commit does, in the repository's root: its entry, the bin of this package, with the staged files
 * that its `files` pattern (matched as Python's re.search, which means the same here) and its types select.
 */
function runHook({ entry, files, types }: Hook, staged: readonly string[], cwd: string): CliRun {
  assert.deepEqual(types, ['markdown'], 'only the Markdown type is simulated here');
  const [bin, ...args] = entry.split(' ');
  assert.equal(manifest.bin[bin], './dist/cli.js');
  const pattern = new RegExp(files);
  // pre-commit's file identification types .md and .markdown files as markdown.
  return cli([...args, ...staged.filter((path) => pattern.test(path) && /\.(?:md|markdown)$/.test(path))], cwd);
}

suite('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  test('declares the lint hook and the opt-in fix hook', () => {
    assert.deepEqual(hooks.map((hook) => [hook.id, hook.entry]), [
      ['incident-report', 'incident-report lint'],
      ['incident-report-fix', 'incident-report fix'],
    ]);
    for (const hook of hooks) {
      assert.ok(hook.name && hook.description, `${hook.id} has no name or description`);
      // Older versions install node hooks with `npm pack`, whose output the prepare script's banner spoils.
      assert.equal(hook.minimum_pre_commit_version, '4.6.2');
    }
  });

  test('each hook runs a command of a bin of this package, which pre-commit installs as a node package built by prepare', () => {
    const help = cli(['--help'], ROOT).stdout;
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      const [bin, command, ...rest] = hook.entry.split(' ');
      assert.ok(bin in manifest.bin, `${bin} is not a bin of the package`);
      assert.deepEqual(rest, []);
      assert.match(help, new RegExp(`^  ${command} +\\S`, 'm'), `incident-report --help does not list ${command}`);
    }
    // pre-commit installs the hook with `npm install -g git+file://…`, which builds it with `prepare` only.
    assert.equal(manifest.scripts.prepare, 'node scripts/prepare.mjs');
  });

  test('each hook takes the Markdown files under an incidents folder, as the default report globs do', () => {
    for (const hook of hooks) {
      assert.deepEqual(hook.types, ['markdown']);
      // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
      const files = new RegExp(hook.files);
      for (const path of ['incidents/2024-03-14-outage.md', 'docs/incidents/2023/breach.md']) assert.ok(files.test(path), `${hook.id} skips ${path}`);
      for (const path of ['README.md', 'docs/incidents-overview.md', 'myincidents/x.md']) assert.ok(!files.test(path), `${hook.id} takes ${path}`);
    }
  });

  test('the opt-in fix hook fixes the staged reports in place, so that the commit stops with them fixed and then passes with no problem left', () => {
    const folder = new TempFolder({ 'incidents/fixable.md': FIXABLE, 'incidents/clean.md': CLEAN_REPORT, 'notes/fixable.md': FIXABLE });
    try {
      const staged = ['incidents/fixable.md', 'incidents/clean.md', 'notes/fixable.md'];
      const before = runHook(hookById('incident-report'), staged, folder.path);
      assert.match(before.stdout, /^incidents\/fixable\.md\n.*section\.order$/m);
      assert.doesNotMatch(before.stdout, /^notes\//m);

      const fix = runHook(hookById('incident-report-fix'), staged, folder.path);
      assert.equal(fix.status, 0, fix.stdout + fix.stderr);
      // pre-commit fails a hook that changes files: the commit stops, with the fix in the working tree to stage.
      assert.notEqual(folder.read('incidents/fixable.md'), FIXABLE);
      assert.equal(folder.read('incidents/clean.md'), CLEAN_REPORT);
      assert.equal(folder.read('notes/fixable.md'), FIXABLE, 'a file outside incidents/ is not the hook\'s');

      // Committing again: the fix hook changes nothing and lint passes.
      const fixed = folder.read('incidents/fixable.md');
      assert.equal(runHook(hookById('incident-report-fix'), staged, folder.path).status, 0);
      assert.equal(folder.read('incidents/fixable.md'), fixed);
      const lint = runHook(hookById('incident-report'), staged, folder.path);
      assert.equal(lint.status, 0, lint.stdout + lint.stderr);
      assert.match(lint.stdout, /^✔ 2 reports checked, no problems$/m);
    } finally {
      folder.dispose();
    }
  });

  test('the fix hook fails the commit when an error is left that no fix repairs', () => {
    const folder = new TempFolder({ 'incidents/unfixable.md': UNFIXABLE });
    try {
      const fix = runHook(hookById('incident-report-fix'), ['incidents/unfixable.md'], folder.path);
      assert.equal(fix.status, 1, fix.stdout + fix.stderr);
      assert.equal(folder.read('incidents/unfixable.md'), UNFIXABLE);
    } finally {
      folder.dispose();
    }
  });
});
