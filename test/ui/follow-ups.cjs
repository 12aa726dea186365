const { useWorkbench } = require('./support/workbench-page.cjs');

// The Explorer's Follow-ups and Incident Reports views on the example workspace, as a person sees and uses them.
suite('Follow-ups and Incident Reports views', () => {
  const ui = useWorkbench('follow-ups');
  const pane = (title) => ui.page.locator('.pane', { has: ui.page.locator('.pane-header', { hasText: title }) });
  const row = (title, text) => pane(title).locator('.monaco-list-row', { hasText: text }).first();

  async function showExplorerWithBothViews() {
    await ui.page.keyboard.press('Control+Shift+E');
    // The folder's file tree takes the Explorer's height otherwise: collapse it.
    const folders = ui.page.locator('.pane-header[aria-label^="Explorer Section"]').first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    for (const title of ['Follow-ups', 'Incident Reports']) {
      const header = ui.page.locator('.pane-header', { hasText: title }).first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    }
    // Wide enough for the items' due dates and owners, and the two views of equal height.
    const sidebar = await ui.page.locator('.part.sidebar').boundingBox();
    await drag(await closestSash('.monaco-sash.vertical', (box) => Math.abs(box.x - (sidebar.x + sidebar.width))), { x: 760 });
    const header = await ui.page.locator('.pane-header', { hasText: 'Incident Reports' }).first().boundingBox();
    await drag(await closestSash('.part.sidebar .monaco-sash.horizontal', (box) => Math.abs(box.y - header.y)), { y: 470 });
  }

  /** The visible sash nearest a place, by `distance`. */
  async function closestSash(selector, distance) {
    let closest = null;
    for (const sash of await ui.page.locator(selector).all()) {
      const box = await sash.boundingBox();
      if (box && box.width * box.height > 0 && (!closest || distance(box) < distance(closest.box))) closest = { sash, box };
    }
    return closest?.sash ?? null;
  }

  /** Drags an element's centre to a new x or y. */
  async function drag(locator, to) {
    const box = await locator?.boundingBox();
    if (!box) return;
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await ui.page.mouse.move(from.x, from.y);
    await ui.page.mouse.down();
    await ui.page.mouse.move(to.x ?? from.x, to.y ?? from.y, { steps: 8 });
    await ui.page.mouse.up();
  }

  test('both views list the example reports: open action items by owner, overdue first; reports by status', async () => {
    await showExplorerWithBothViews();
    await row('Follow-ups', 'Enable LSA protection on every workstation').waitFor();
    await row('Follow-ups', '@endpoint').waitFor();
    await row('Incident Reports', 'Nation-State Access to the Self-Hosted Atlassian Server').waitFor();
    await ui.screenshot('explorer-both-views');
  });

  test('the title buttons switch the grouping: follow-ups by report, reports by quarter', async () => {
    await pane('Follow-ups').hover();
    await ui.page.locator('.action-label[aria-label="Group Follow-ups by Report"]').click();
    await row('Follow-ups', 'Proton Worldwide Outage').waitFor();
    await pane('Incident Reports').hover();
    await ui.page.locator('.action-label[aria-label="Group Incident Reports by Quarter"]').click();
    await row('Incident Reports', '2024-Q2').waitFor();
    await ui.screenshot('grouped-by-report-and-quarter');
  });

  test('a click on an action item opens its report at the item', async () => {
    await row('Follow-ups', 'Build a staging cluster that mirrors production').click();
    await ui.page.locator('.tabs-container .tab.active', { hasText: 'proton-kubernetes-migration-outage.md' }).waitFor();
    // The item is line 64; its text, after the task marker, is selected.
    await ui.cursorStatus(/^Ln 64, Col \d+ \(97 selected\)/).waitFor();
    await ui.screenshot('item-revealed');
  });
});
