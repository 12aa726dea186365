const { useWorkbench } = require('./support/workbench-page.cjs');

suite('Timeline preview', () => {
  const ui = useWorkbench('timeline-preview');
  // The webview is an iframe whose document holds the page in a second iframe.
  const preview = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  test('opens beside the report from the editor title button and shows its events', async () => {
    await ui.openFile('reports/complete-security.md');
    await ui.page.locator('.editor-actions .action-label[aria-label^="Open Timeline Preview"]').click();
    await preview().locator('h1.title', { hasText: 'Credential Stuffing Against the Staff Portal' }).waitFor();
    await preview().locator('.event', { hasText: 'Two logins succeeded' }).waitFor();
    await ui.screenshot('preview-beside-report');
  });

  test('a click on an event moves the report\'s cursor to the event', async () => {
    await preview().locator('.event', { hasText: 'The attacker browsed the internal wiki' }).click();
    // Back in the report (Ctrl+1) the status bar shows the cursor: line 35 is the event's "Date/Time" line.
    await ui.page.keyboard.press('Control+1');
    await ui.cursorStatus(/^Ln 35,/).waitFor();
    await ui.screenshot('event-clicked');
  });
});
