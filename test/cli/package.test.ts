import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_REPORT } from './fixtures';
import { readJson, ROOT, TempFolder } from './helpers';

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

const manifest = readJson(join(ROOT, 'package.json')) as Manifest;
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;
/** The libraries the bundles carry: everything the CLI imports that is not Node's own. */
const BUNDLED = ['chrono-node', 'diff', 'markdown-it', 'minimatch', 'tlds', 'uuid', 'vscode-languageserver', 'vscode-languageserver-textdocument', 'yaml', 'zod'];
/** A report citing ATT&CK techniques, which only the ATT&CK data shipped in data/attack/ can place under their tactics. */
const INTRUSION = join(ROOT, 'examples', 'incidents', '2024-05-14-invoice-phishing-intrusion.md');

/**
 * Runs an npm command as a user would in `cwd`. The npm_* variables that `npm test` passes to its scripts are left
 * out: one of them (npm_config_local_prefix) would make npm treat this repository as the project.
 */
function run(command: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  delete env.NO_COLOR;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

suite('npm package', function () {
  // npm pack makes a production build first, and installing takes a few seconds.
  this.timeout(180_000);

  let folder: TempFolder;
  let tarball: string;
  let entries: string[];

  suiteSetup(() => {
    folder = new TempFolder();
    // `npm pack` runs the prepare script: a production build of dist/ (the other CLI tests behave the same on it).
    const pack = run('npm', ['pack', '--json', '--pack-destination', folder.path], ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    assert.equal(packed.filename, `${manifest.name}-${manifest.version}.tgz`);
    tarball = join(folder.path, packed.filename);
    entries = packed.files.map((file) => file.path);
  });
  suiteTeardown(() => folder?.dispose());

  test('is small and holds the bin, the production CLI and its language server, the schemas, the ATT&CK data, the licences and the README', () => {
    const size = statSync(tarball).size;
    assert.ok(size <= MAX_TARBALL_BYTES, `the tarball has ${size} bytes`);
    const schemas = readdirSync(join(ROOT, 'schemas')).filter((name) => name.endsWith('.json'));
    assert.ok(schemas.length > 0);
    const attack = readdirSync(join(ROOT, 'data', 'attack')).map((name) => `data/attack/${name}`);
    assert.deepEqual(attack.sort(), ['data/attack/LICENSE.txt', 'data/attack/enterprise-attack.json']);
    for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/lsp.js', ...Object.values(manifest.bin), ...schemas.map((name) => `schemas/${name}`), ...attack]) {
      assert.ok(entries.includes(file.replace(/^\.\//, '')), `${file} is not in the package: ${entries.join(', ')}`);
    }
    for (const entry of entries) assert.doesNotMatch(entry, /^(?:src|test|scripts|examples|node_modules)\/|\.map$|\.ts$/, `${entry} should not be packed`);
  });

  test('has no runtime dependency: the bundle carries the libraries, and the notice their licences', () => {
    assert.equal(manifest.dependencies, undefined);
    const cli = run('tar', ['-xzOf', tarball, 'package/dist/cli.js'], folder.path).stdout;
    assert.match(cli, /^#!\/usr\/bin\/env node\n/);
    assert.doesNotMatch(cli, /sourceMappingURL/);
    const lines = cli.split('\n').length;
    assert.ok(cli.length / lines > 500, `dist/cli.js is not minified: ${lines} lines`);

    const notices = run('tar', ['-xzOf', tarball, 'package/dist/THIRD-PARTY-NOTICES.txt'], folder.path).stdout;
    for (const library of BUNDLED) {
      assert.ok(library in manifest.devDependencies, `${library} is not a devDependency`);
      const { version, license } = readJson(join(ROOT, 'node_modules', library, 'package.json')) as { version: string; license: string };
      assert.ok(notices.includes(`\n${library} ${version} (${license})\n`), `the notice lacks ${library} ${version}`);
    }
    const zodLicence = readFileSync(join(ROOT, 'node_modules', 'zod', 'LICENSE'), 'utf8').trim();
    assert.ok(notices.includes(zodLicence), 'the notice does not reproduce the licence files');
  });

  test('installs offline into an empty project, where `npx incident-report` lints its reports and exports their techniques', () => {
    const project = join(folder.path, 'project');
    folder.write('project/incidents/broken.md', ERROR_REPORT);
    folder.write('project/intrusion.md', readFileSync(INTRUSION));
    assert.equal(run('npm', ['init', '-y'], project).status, 0);
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    assert.equal(install.status, 0, install.stderr);
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), [manifest.name]);

    const version = run('npx', ['incident-report', '--version'], project);
    assert.equal(version.stdout, `${manifest.version}\n`, version.stderr);
    const lint = run('npx', ['incident-report', 'lint'], project);
    assert.equal(lint.status, 1, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /^incidents\/broken\.md$/m);
    assert.match(lint.stdout, /error +Missing required section "Recommendations" +section\.missing/);

    // The CLI reads the ATT&CK data beside its bundle: the layer lists the cited techniques under their tactics.
    const exported = run('npx', ['incident-report', 'export', '--format', 'attack-navigator', 'intrusion.md'], project);
    assert.equal(exported.status, 0, exported.stderr);
    const layer = JSON.parse(exported.stdout) as { domain: string; techniques: { techniqueID: string; tactic: string }[] };
    assert.equal(layer.domain, 'enterprise-attack');
    assert.equal(layer.techniques.find((technique) => technique.techniqueID === 'T1566.001')?.tactic, 'initial-access');
    assert.equal(layer.techniques.find((technique) => technique.techniqueID === 'T1567.002')?.tactic, 'exfiltration');
  });
});
