// `npm run test:desktop`: builds, then runs the suites of test/integration in desktop VS Code (the node extension
// host) on a fresh copy of the fixture workspace. @vscode/test-electron downloads VS Code into .vscode-test/ unless
// VSCODE_EXECUTABLE names an installed one. On Linux without a display, run it under `xvfb-run -a`.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { ROOT } = require('./workbench.cjs');
const { createFixtureWorkspace } = require('./fixture-workspace.cjs');

async function main() {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  const workspace = createFixtureWorkspace();
  try {
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'dist', 'test', 'integration', 'node', 'index.js'),
      launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    workspace.remove();
  }
}

// Exiting, rather than dying of the signal, deletes the temporary workspace.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

main().then((code) => {
  process.exitCode = code;
});
