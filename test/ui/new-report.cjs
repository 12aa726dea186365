const { useWorkbench } = require('./support/workbench-page.cjs');

suite('New Report from the Command Palette', () => {
  const ui = useWorkbench('new-report');

  test('creates the report and puts the cursor in the first placeholder', async () => {
    await ui.runCommand('Incident Report: New Report…');
    await ui.quickPickRow('Security incident').waitFor();
    await ui.screenshot('template-picker');
    await ui.quickPickRow('Security incident').click();
    await ui.page.locator('.quick-input-widget input').fill('Stolen laptop');
    await ui.screenshot('title-input');
    await ui.page.keyboard.press('Enter');

    await ui.page.locator('.tabs-container .tab.active', { hasText: 'stolen-laptop.md' }).waitFor();
    await ui.editorLine('# Incident Report: Stolen laptop').waitFor();
    await ui.screenshot('new-report-opened');
    await ui.cursorStatus(/\(\d+ selected\)/).waitFor(); // the first placeholder is selected

    await ui.page.keyboard.type('XYZZY');
    await ui.editorLine('XYZZY').waitFor();
    await ui.screenshot('typed-over-placeholder');
  });
});
