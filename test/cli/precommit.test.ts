import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, readJson, ROOT } from './helpers';

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
/** Commands a hook runs that this CLI does not have yet: `fix` is being added on another branch. */
const PENDING_COMMANDS = ['fix'];

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
      const listed = new RegExp(`^  ${command} +\\S`, 'm').test(help);
      if (PENDING_COMMANDS.includes(command)) assert.ok(!listed, `${command} has landed: remove it from PENDING_COMMANDS`);
      else assert.ok(listed, `incident-report --help does not list ${command}`);
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
});
