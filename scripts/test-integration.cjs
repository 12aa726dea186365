// `npm run test:integration [-- api|ui]`: builds, runs the mocha suites of test/integration inside VS Code for the
// Web (headless Chromium) on a fresh copy of the fixture workspace, then the UI suites of test/ui, which drive the
// workbench page as a person would. Server and browser logs and the UI screenshots go to test-results/.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');
const { ROOT, RESULTS_DIR, SERVER_LOG, BROWSER_LOG, FAILURE_SCREENSHOT, closeAll, runExtensionTests } = require('./workbench.cjs');
const { createFixtureWorkspace } = require('./fixture-workspace.cjs');

const UI_DIR = path.join(ROOT, 'test', 'ui');
const UI_RESULTS_DIR = path.join(RESULTS_DIR, 'ui'); // see test/ui/support/workbench-page.cjs

function build() {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function runApiSuites() {
  const workspace = createFixtureWorkspace();
  try {
    return await runExtensionTests({
      folder: workspace.folder,
      extensionTestsPath: path.join(ROOT, 'dist', 'test', 'integration', 'web', 'index.js'),
    });
  } finally {
    workspace.remove();
  }
}

/** Resolves with the number of failed UI tests. */
function runUiSuites() {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, slow: 15_000 });
  for (const name of fs.readdirSync(UI_DIR).filter((file) => file.endsWith('.cjs')).sort()) {
    mocha.addFile(path.join(UI_DIR, name));
  }
  return new Promise((resolve) => mocha.run(resolve));
}

async function main() {
  const only = process.argv[2];
  if (only !== undefined && only !== 'api' && only !== 'ui') throw new Error(`Unknown argument ${only}; use api or ui`);
  for (const file of [SERVER_LOG, BROWSER_LOG, FAILURE_SCREENSHOT, UI_RESULTS_DIR]) fs.rmSync(file, { recursive: true, force: true });
  build();
  let failed = false;
  if (only !== 'ui') {
    const code = await runApiSuites();
    console.log(code === 0 ? 'API suites passed.' : `API suites failed (exit code ${code}).`);
    failed ||= code !== 0;
  }
  if (only !== 'api') {
    const failures = await runUiSuites();
    console.log(failures === 0 ? 'UI suites passed.' : `${failures} UI tests failed.`);
    failed ||= failures > 0;
  }
  if (failed) console.log('Logs and screenshots: test-results/ (server.log, browser.log, extension-tests-failed.png, ui/)');
  process.exitCode = failed ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => closeAll().then(() => process.exit(130)));

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
