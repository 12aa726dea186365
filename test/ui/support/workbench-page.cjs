// A UI suite's workbench: VS Code for the Web on a fresh fixture workspace in headless Chromium, and the steps a
// person takes in it (keyboard, Command Palette, Quick Pick, Problems view), with a screenshot per step under
// test-results/ui/<suite>/. A failed test leaves a screenshot of the page as it was.
const fs = require('node:fs');
const path = require('node:path');
const { RESULTS_DIR, startServer, openWorkbench } = require('../../../scripts/workbench.cjs');
const { createFixtureWorkspace } = require('../../../scripts/fixture-workspace.cjs');

const STEP_TIMEOUT_MS = 15_000;
const EDITOR = '.editor-group-container.active .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';

/** Registers the suite's hooks and returns its workbench; use it inside tests only. */
function useWorkbench(suiteName) {
  const shotsDir = path.join(RESULTS_DIR, 'ui', suiteName);
  let workspace, server, workbench, shotCount = 0;
  const ui = {
    get page() {
      return workbench.page;
    },

    async screenshot(step) {
      fs.mkdirSync(shotsDir, { recursive: true });
      shotCount += 1;
      const file = path.join(shotsDir, `${String(shotCount).padStart(2, '0')}-${step.replace(/[^\w-]+/g, '-')}.png`);
      await ui.page.screenshot({ path: file });
      return file;
    },

    /** F1, type the command's title, run it. */
    async runCommand(title) {
      await ui.quickInput('F1', `>${title}`, ui.quickPickRow(title));
      await ui.page.keyboard.press('Enter');
    },

    /**
     * Opens the Quick Input with `key`, types `text` into it and waits for `shown` (a row the text brings up). The Quick
     * Input closes when it loses the focus, and a focus that lands late (a key pressed as a webview takes the focus, a
     * click on a tab whose editor takes it a moment later) can take it just after it opened: then all is done again.
     */
    async quickInput(key, text, shown) {
      const input = ui.page.locator(`${QUICK_INPUT} input`);
      for (let attempt = 1; ; attempt++) {
        await ui.page.keyboard.press(key);
        try {
          await input.waitFor({ state: 'visible', timeout: 3_000 });
          await input.fill(text, { timeout: 3_000 });
          await shown?.waitFor({ timeout: 5_000 });
          return;
        } catch (error) {
          if (attempt === 3) throw error;
          if (await input.isVisible()) await ui.page.keyboard.press('Escape');
        }
      }
    },

    /** A row of the open Quick Pick whose label contains `label`. */
    quickPickRow(label) {
      return ui.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: label }).first();
    },

    /**
     * Opens a file with Quick Open (Ctrl+P) by its workspace-relative path: the test file system's search only
     * knows folders the workbench has listed, so a fuzzy name may find nothing.
     */
    async openFile(relativePath) {
      await ui.quickInput('Control+P', relativePath, ui.quickPickRow(path.basename(relativePath)));
      await ui.page.keyboard.press('Enter');
      await ui.page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) }).waitFor();
      await ui.page.locator(`${EDITOR} .view-lines`).waitFor();
    },

    /**
     * Visible lines of the active editor that are exactly `line`, or match a RegExp (the editor renders spaces as
     * no-break spaces: match them with `\s`).
     */
    editorLine(line) {
      const pattern = typeof line === 'string' ? new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')}$`) : line;
      return ui.page.locator(`${EDITOR} .view-lines .view-line`, { hasText: pattern });
    },

    /** The status bar's cursor entry, e.g. "Ln 6, Col 3 (12 selected)". */
    cursorStatus(text) {
      return ui.page.locator('#status\\.editor\\.selection', { hasText: text });
    },

    editor: () => ui.page.locator(EDITOR),

    /**
     * Sets `workbench.colorTheme` in the user settings (opened from the tab `focus` clicks, so that the modal opens over
     * that group) and waits until the webview `frame` has the theme's body class.
     */
    async setColorTheme(theme, bodyClass, { focus, frame }) {
      await focus();
      await ui.runCommand('Preferences: Open User Settings (JSON)');
      // The settings open in a modal editor over the editor groups.
      const modal = ui.page.locator('.monaco-modal-editor-block');
      await modal.locator('.monaco-editor .view-lines').waitFor();
      await ui.page.keyboard.press('Control+A');
      await ui.page.keyboard.insertText(JSON.stringify({ 'workbench.colorTheme': theme }));
      await ui.page.keyboard.press('Control+S');
      await frame().locator(`body.${bodyClass}`).waitFor();
      await ui.page.keyboard.press('Control+W');
      await modal.waitFor({ state: 'detached' });
    },
  };

  suiteSetup(async function () {
    this.timeout(120_000);
    workspace = createFixtureWorkspace();
    server = await startServer({ folder: workspace.folder });
    workbench = await openWorkbench(server.url);
    ui.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await ui.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await ui.page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }); // focus, for key presses
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      console.log(`    screenshot: ${path.relative(process.cwd(), await ui.screenshot(`FAILED-${this.currentTest.title}`))}`);
    }
  });

  suiteTeardown(async () => {
    await workbench?.close();
    await server?.close();
    workspace?.remove();
  });

  return ui;
}

module.exports = { useWorkbench };
