const { useWorkbench } = require('./support/workbench-page.cjs');

suite('A missing section, seen and fixed in the editor', () => {
  const ui = useWorkbench('missing-section');
  const problem = () => ui.page.locator('.markers-panel .monaco-list-row', { hasText: 'section.missing' }).first();

  test('shows a squiggle and a Problems entry', async () => {
    await ui.openFile('reports/missing-section.md');
    await ui.editor().locator('.squiggly-error').first().waitFor();
    await ui.screenshot('squiggle');
    await ui.page.keyboard.press('Control+Shift+M');
    await problem().waitFor();
    await ui.screenshot('problems-view');
  });

  test('the lightbulb quick fix inserts the section', async () => {
    await ui.editorLine('## Executive Summary').click();
    await ui.page.keyboard.press('Control+Home');
    await ui.page.keyboard.press('F8'); // Go to Next Problem: the cursor moves to the squiggle
    await ui.page.locator('.marker-widget', { hasText: 'Lessons Learned' }).waitFor();
    await ui.screenshot('next-problem');
    await ui.page.keyboard.press('Escape');
    await ui.page.keyboard.press('Control+.');
    // The preferred fix comes first and has the focus.
    await ui.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Lessons Learned' }).waitFor();
    await ui.screenshot('quick-fix-menu');
    await ui.page.keyboard.press('Enter');
    await problem().waitFor({ state: 'detached' });
    // The inserted section sits below the fold, as the template left it (a hint, not a problem): find it.
    await ui.page.keyboard.press('Control+F');
    await ui.page.keyboard.insertText('## Lessons Learned');
    await ui.page.keyboard.press('Enter');
    await ui.page.keyboard.press('Escape');
    await ui.editorLine('## Lessons Learned').waitFor();
    await ui.screenshot('section-inserted');
  });
});
