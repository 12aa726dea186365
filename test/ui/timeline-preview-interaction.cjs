// The Timeline preview as a person uses it: themes, keyboard, cursor sync, live edits, hostile report text and a
// window reload. (timeline-preview.cjs covers opening it and a click.)
const assert = require('node:assert');
const { useWorkbench } = require('./support/workbench-page.cjs');

const REPORT = 'incidents/2023-11-23-cloudflare-atlassian-breach.md';

/** A report whose text would run script if the preview parsed it as HTML. */
const HOSTILE_REPORT = `---
kind: security
tlp: TLP:GREEN
---
# Incident Report: Malicious mail

## Incident Details

- **Discovery Date:** 2024-03-05 11:30 UTC
- **Incident Date:** 2024-03-05 09:15 UTC

## Timeline of Events

### Initial Access

- **Date/Time:** 2024-03-05 09:15 UTC
- **Details:** A mail carried <img src=x onerror="document.body.dataset.pwned='img'"> as its payload.

### Detection & Response

- **Date/Time:** 2024-03-05 11:30 UTC
- **Detection:** The EDR flagged <script>document.body.dataset.pwned='script'</script> in a macro.
`;

suite('Timeline preview in use', () => {
  const ui = useWorkbench('timeline-preview-interaction');
  /** The preview's page: the webview's iframe holds it in a second iframe. */
  const preview = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const previewEvent = (text) => preview().locator('.event', { hasText: text });
  /** The report editor's cursor line number, shown whether the editor has the focus or not. */
  const cursorLineNumber = (line) =>
    ui.page.locator('.editor-group-container').first().locator('.line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) });
  /** Focuses the first editor group, where the reports are, without moving its cursor. */
  const focusReportGroup = () => ui.page.locator('.editor-group-container').first().locator('.tab.active').click();

  const setColorTheme = (theme, bodyClass) => ui.setColorTheme(theme, bodyClass, { focus: focusReportGroup, frame: preview });

  test('opens with the metrics, the TLP label and the undated lane', async () => {
    await ui.openFile(REPORT);
    // The editor title button shows once the extension is active and knows the file for a report.
    await ui.page.locator('.editor-actions .action-label[aria-label^="Open Timeline Preview"]').waitFor();
    await ui.runCommand('Incident Report: Open Timeline Preview to the Side');
    await preview().locator('.metric', { hasText: 'Time to contain' }).locator('dd', { hasText: /^9 d$/ }).waitFor();
    await ui.page.locator('.tabs-container .tab', { hasText: 'Timeline: 2023-11-23-cloudflare-atlassian-breach.md' }).waitFor();
    assert.strictEqual(await preview().locator('.tlp').innerText(), 'TLP:AMBER');
    assert.strictEqual(await preview().locator('.kind').innerText(), 'Security incident');
    assert.strictEqual(await preview().locator('.lane-undated .event').count(), 1);
  });

  test('looks right in light, dark and high contrast themes', async () => {
    await setColorTheme('Default Light Modern', 'vscode-light');
    await ui.screenshot('light');
    await setColorTheme('Default Dark Modern', 'vscode-dark');
    await ui.screenshot('dark');
    await setColorTheme('Default High Contrast', 'vscode-high-contrast');
    await ui.screenshot('high-contrast');
  });

  test('arrow keys move between events and Enter reveals one', async () => {
    await previewEvent('persistent access to Confluence').focus();
    await ui.page.keyboard.press('ArrowDown');
    assert.match(await preview().locator('.event:focus').innerText(), /Containment measures/);
    await ui.page.keyboard.press('Enter');
    await cursorLineNumber(74).waitFor();
    assert.strictEqual(await previewEvent('Containment measures').getAttribute('aria-current'), 'true');
    await ui.screenshot('event-chosen-with-keyboard');
  });

  test('moving the cursor in the editor highlights its event', async () => {
    await focusReportGroup();
    await ui.quickInput('Control+G', ':76');
    await ui.page.keyboard.press('Enter');
    await preview().locator('.event[aria-current="true"]', { hasText: 'Recovery actions' }).waitFor();
    await ui.screenshot('cursor-highlight');
  });

  test('edits update the preview in place, keeping its scroll position', async () => {
    const scroller = preview().locator('html');
    await scroller.evaluate((element) => element.scrollTo(0, 120));
    const before = await scroller.evaluate((element) => element.scrollTop);
    assert.ok(before > 0, 'the preview scrolls');
    await ui.page.keyboard.press('End');
    await ui.page.keyboard.type(' Verified twice.');
    await previewEvent('Verified twice.').waitFor();
    assert.strictEqual(await scroller.evaluate((element) => element.scrollTop), before);
  });

  /** The report's text shows as text: no element, no script run, nothing the CSP had to block. */
  async function assertHostileTextInert() {
    assert.match(await previewEvent('A mail carried').innerText(), /<img src=x onerror="document\.body\.dataset\.pwned='img'">/);
    assert.match(await previewEvent('The EDR flagged').innerText(), /<script>document\.body\.dataset\.pwned='script'<\/script>/);
    assert.strictEqual(await preview().locator('img').count(), 0);
    assert.strictEqual(await preview().locator('script', { hasText: 'pwned' }).count(), 0);
    assert.strictEqual(await preview().locator('body').evaluate((body) => body.dataset.pwned ?? null), null);
  }

  test('shows report text that looks like HTML as text and runs none of it', async () => {
    const blocked = [];
    ui.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await focusReportGroup();
    await ui.openFile('incidents/needs-work.md');
    await ui.page.keyboard.press('Control+A');
    await ui.page.keyboard.insertText(HOSTILE_REPORT);
    await previewEvent('The EDR flagged').waitFor();
    await ui.screenshot('hostile-report');
    await assertHostileTextInert(); // rendered from an update message

    await ui.page.locator('.tabs-container .tab', { hasText: 'Timeline: needs-work.md' }).locator('.tab-actions .action-label').click();
    await focusReportGroup();
    await ui.runCommand('Incident Report: Open Timeline Preview to the Side');
    await previewEvent('The EDR flagged').waitFor();
    await assertHostileTextInert(); // rendered from the initial state in the page's HTML
    assert.deepStrictEqual(blocked, [], 'nothing needed blocking by the CSP');
  });

  test('comes back after a window reload', async () => {
    const reloaded = ui.page.waitForEvent('load');
    await ui.runCommand('Developer: Reload Window');
    await reloaded;
    // The test file system keeps changes in the page, so the reloaded window has the file as it was.
    await preview().locator('.title', { hasText: 'Phishing Campaign Against the Finance Team' }).waitFor({ timeout: 60_000 });
    await ui.page.locator('.tabs-container .tab', { hasText: 'Timeline: needs-work.md' }).waitFor();
    await ui.screenshot('restored-after-reload');
  });
});
