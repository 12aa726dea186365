// The Timeline preview's time-axis view as a person uses it: switching to it, its look in every theme and at a
// narrow width, a click that gives the focus back to the editor, the view remembered, and a non-report editor.
const assert = require('node:assert');
const { useWorkbench } = require('./support/workbench-page.cjs');

const REPORT = 'incidents/2023-11-23-cloudflare-atlassian-breach.md';

suite('Timeline preview: the time axis', () => {
  const ui = useWorkbench('timeline-axis');
  const preview = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const modeButton = (label) => preview().locator('.modes .mode', { hasText: label });
  const focusReportGroup = () => ui.page.locator('.editor-group-container').first().locator('.tab.active').click();

  const setColorTheme = (theme, bodyClass) => ui.setColorTheme(theme, bodyClass, { focus: focusReportGroup, frame: preview });

  test('switches to the time axis: a lane per category, spans for days, the long gap compressed and labelled', async () => {
    await ui.openFile(REPORT);
    await ui.page.locator('.editor-actions .action-label[aria-label^="Open Timeline Preview"]').waitFor();
    await ui.runCommand('Incident Report: Open Timeline Preview to the Side');
    await modeButton('Time axis').click();
    await preview().locator('.axis-lane-title', { hasText: 'Attack' }).waitFor();
    assert.strictEqual(await modeButton('Time axis').getAttribute('aria-pressed'), 'true');
    const lanes = await preview().locator('.axis-lane:not(.axis-scale) .axis-lane-title').allInnerTexts();
    assert.deepStrictEqual(lanes.map((lane) => lane.toLowerCase()), ['attack', 'detection', 'response', 'recovery', 'other']);
    assert.ok((await preview().locator('.axis-span').count()) > 0, 'dates without a time are spans');
    assert.ok((await preview().locator('.axis-point').count()) > 0, 'times are points');
    await preview().locator('.axis-break-label').first().waitFor();
    assert.match(await preview().locator('.note').innerText(), /^1 undated event is in the list view\.$/);
    await ui.screenshot('axis-light-default');
  });

  test('looks right in light, dark and high contrast themes, and at a narrow width', async () => {
    await setColorTheme('Default Light Modern', 'vscode-light');
    await preview().locator('.axis-lane').first().waitFor();
    await ui.screenshot('axis-light');
    await setColorTheme('Default Dark Modern', 'vscode-dark');
    await ui.screenshot('axis-dark');
    await setColorTheme('Default High Contrast', 'vscode-high-contrast');
    await ui.screenshot('axis-high-contrast');
    await setColorTheme('Default Dark Modern', 'vscode-dark');
    await ui.page.setViewportSize({ width: 760, height: 900 });
    await preview().locator('.axis-lane').first().waitFor();
    const width = await preview().locator('body').evaluate((body) => body.clientWidth);
    assert.ok(width < 420, `the preview is narrow (${width} px)`);
    const overflow = await preview().locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    assert.ok(overflow <= 1, `nothing overflows sideways (${overflow} px)`);
    await ui.screenshot('axis-narrow');
    await ui.page.setViewportSize({ width: 1400, height: 900 });
  });

  test('a click on an event reveals its line and gives the focus back to the editor', async () => {
    await preview().locator('.axis-event[aria-label*="persistent access to Confluence"]').click();
    await ui.page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);
    await ui.cursorStatus(/^Ln 38,/).waitFor();
    await ui.screenshot('axis-event-clicked');
  });

  test('arrow keys move through the events in time order and Enter reveals one', async () => {
    const first = preview().locator('.axis-event').first();
    await first.focus();
    await ui.page.keyboard.press('Home');
    assert.match(await preview().locator('.axis-event:focus').getAttribute('aria-label'), /^2023-11-14 · /);
    assert.match(await preview().locator('.axis-detail').innerText(), /^2023-11-14 · /, 'the detail line reads the focused event');
    await ui.page.keyboard.press('End');
    const last = await preview().locator('.axis-event:focus').getAttribute('aria-label');
    assert.match(last, /^2023-12-05 · Response Actions · Recovery actions/, last);
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);
  });

  test('the view is remembered: a preview opened again shows the time axis', async () => {
    await ui.page.locator('.tabs-container .tab', { hasText: 'Timeline:' }).locator('.tab-actions .action-label').click();
    await focusReportGroup();
    await ui.runCommand('Incident Report: Open Timeline Preview to the Side');
    await preview().locator('.axis-lane').first().waitFor();
    assert.strictEqual(await modeButton('Time axis').getAttribute('aria-pressed'), 'true');
    await modeButton('List').click();
    await preview().locator('.lane-dated').waitFor();
  });

  test('says so when the active editor is not a report, instead of showing the report before it', async () => {
    await focusReportGroup();
    await ui.openFile('notes/plain.md');
    await preview().locator('.empty', { hasText: 'plain.md is not an incident report.' }).waitFor();
    await ui.screenshot('not-a-report');
  });
});
