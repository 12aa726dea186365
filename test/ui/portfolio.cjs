// The Portfolio as a person sees it: opened from the Command Palette, its figures, charts and list, in the light and
// dark themes (screenshots looked at), read with the keyboard, and a report opened from the list with Enter.
const assert = require('node:assert');
const { useWorkbench } = require('./support/workbench-page.cjs');

suite('Portfolio', () => {
  const ui = useWorkbench('portfolio');
  const panel = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  const setColorTheme = (theme, bodyClass) => ui.setColorTheme(theme, bodyClass, { focus: () => ui.page.locator('.tabs-container .tab', { hasText: 'Incident Portfolio' }).click(), frame: panel });

  test('opens from the Command Palette with the figures, four charts and the reports of the workspace', async () => {
    await ui.runCommand('Incident Report: Show Incident Portfolio');
    await panel().locator('.figures .figure').first().waitFor();
    // examples/ and the integration fixtures: 5 + 2 reports, notes/plain.md is none.
    assert.strictEqual(await panel().locator('.figure', { hasText: 'Reports' }).first().locator('.figure-value').innerText(), '7');
    assert.strictEqual(await panel().locator('figure.chart').count(), 4);
    assert.strictEqual(await panel().locator('figure.chart svg[role="img"]').count(), 4);
    assert.strictEqual(await panel().locator('button.report').count(), 7);
    assert.ok((await panel().locator('rect.bar').count()) > 0);
    await ui.screenshot('portfolio-default');
  });

  test('follows the light and dark themes', async () => {
    await setColorTheme('Default Light Modern', 'vscode-light');
    await panel().locator('rect.bar').first().waitFor();
    await ui.screenshot('portfolio-light');
    const light = await panel().locator('rect.bar.kind-security').evaluate((bar) => bar.ownerDocument.defaultView.getComputedStyle(bar).fill);
    await setColorTheme('Default Dark Modern', 'vscode-dark');
    await ui.screenshot('portfolio-dark');
    const dark = await panel().locator('rect.bar.kind-security').evaluate((bar) => bar.ownerDocument.defaultView.getComputedStyle(bar).fill);
    assert.notStrictEqual(light, dark, `the columns take the theme's chart colours (${light} in light, ${dark} in dark)`);
    await panel().locator('.reports').scrollIntoViewIfNeeded();
    await ui.screenshot('portfolio-dark-reports');
  });

  test('the keyboard reaches each chart and each report, and Enter on a report opens it', async () => {
    const firstChart = panel().locator('figure.chart').first();
    await firstChart.focus();
    assert.strictEqual(await firstChart.evaluate((figure) => figure === document.activeElement), true);
    await ui.page.keyboard.press('Tab');
    assert.strictEqual(await panel().locator('#chart-severity').evaluate((figure) => figure === document.activeElement), true, 'Tab moves to the next chart');
    const report = panel().locator('button.report', { hasText: 'reports/complete-security.md' });
    await report.focus();
    await ui.screenshot('report-focused');
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.tabs-container .tab.active', { hasText: 'complete-security.md' }).waitFor();
    await ui.screenshot('report-opened');
  });
});
