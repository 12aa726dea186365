// The `prepare` script: the production build that `npm pack` and `npm publish` ship. npm also runs it after
// `npm ci` / `npm install` in this repository, and when this repository is installed from git, which is how
// pre-commit installs a `language: node` hook. A global install from git runs it before any dependency is installed
// (npm/cli#8440), so it installs the locked devDependencies itself when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(new URL('node_modules/esbuild/package.json', root))) {
  // --global=false: the git install passes its own --global to this script's environment.
  run([process.env.npm_execpath, 'ci', '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
run(['esbuild.mjs', '--production']);
