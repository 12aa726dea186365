const fs = require('node:fs');
const path = require('node:path');
const { useWorkbench } = require('./support/workbench-page.cjs');

const EXAMPLE = 'incidents/2024-05-14-invoice-phishing-intrusion.md';
const EXAMPLE_LINES = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', EXAMPLE), 'utf8').split('\n');

suite('ATT&CK in the editor: hover, completion and the preview\'s technique list', () => {
  const ui = useWorkbench('attack-assist');
  const preview = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const hover = () => ui.page.locator('.monaco-hover:visible');
  const suggestion = (text) => ui.page.locator('.suggest-widget.visible .monaco-list-row', { hasText: text }).first();

  /** Puts the cursor on the line with the text, at its end (Go to Line, Ctrl+G, with the line's number and column). */
  async function goTo(text) {
    const line = EXAMPLE_LINES.findIndex((candidate) => candidate.includes(text));
    await ui.quickInput('Control+G', `:${line + 1}:${EXAMPLE_LINES[line].indexOf(text) + text.length + 1}`);
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await ui.cursorStatus(`Ln ${line + 1},`).waitFor();
  }

  test('hovering a technique ID shows its name, tactic, summary and link', async () => {
    await ui.openFile(EXAMPLE);
    // The extension is active (and has published) once its status bar entry shows the report's kind.
    await ui.page.locator('.statusbar-item', { hasText: 'Security · no problems' }).waitFor();
    await goTo('- **Initial Access:** T1566'); // the cursor inside "T1566.001"
    await ui.runCommand('Show or Focus Hover');
    await hover().filter({ hasText: 'Spearphishing Attachment' }).waitFor();
    await hover().filter({ hasText: 'Sub-technique of T1566 Phishing' }).waitFor();
    await hover().filter({ hasText: 'MITRE ATT&CK® Enterprise v18.1' }).waitFor();
    await ui.screenshot('hover-technique');
  });

  test('typing T1 after a tactic field completes technique IDs, that tactic\'s first', async () => {
    await ui.page.keyboard.press('Escape'); // the hover
    await goTo('T1567.002 Exfiltration to Cloud Storage');
    await ui.page.keyboard.press('Enter');
    await ui.page.keyboard.insertText('- **Command and Control:** T');
    await ui.page.keyboard.type('1');
    await suggestion('T1071').waitFor();
    await ui.page.keyboard.type('07');
    await ui.screenshot('completion-by-id');
    await ui.page.keyboard.type('1.0');
    await suggestion('Web Protocols').waitFor();
    await ui.page.keyboard.press('Enter');
    await ui.editorLine(/^-\s\*\*Command\sand\sControl:\*\*\sT1071\.00\d\s/).waitFor();
    await ui.screenshot('completion-inserted');
  });

  test('Ctrl+Space in the methodology section completes techniques by name', async () => {
    await ui.page.keyboard.press('End');
    await ui.page.keyboard.press('Enter');
    await ui.page.keyboard.insertText('- **Persistence:** sched');
    await ui.page.keyboard.press('Control+Space');
    await suggestion('Scheduled Task').waitFor();
    await ui.screenshot('completion-by-name');
    await ui.page.keyboard.press('Escape');
  });

  test('the timeline preview lists the techniques in kill-chain order; a click selects the citation', async () => {
    await ui.page.locator('.editor-actions .action-label[aria-label^="Open Timeline Preview"]').click();
    const list = preview().locator('.technique-list');
    await list.locator('.technique', { hasText: 'Spearphishing Attachment' }).waitFor();
    await preview().locator('.techniques').scrollIntoViewIfNeeded();
    await ui.screenshot('preview-techniques');
    await list.locator('.technique', { hasText: 'LSASS Memory' }).click();
    await ui.page.keyboard.press('Control+1');
    await ui.cursorStatus(/\(9 selected\)/).waitFor();
    await ui.screenshot('technique-revealed');
  });
});
