// The Mermaid the CLI writes (`timeline --format mermaid` and `mermaid-gantt`), drawn by Mermaid itself in Chromium as
// GitHub draws it: it must parse, keep every text exactly as written, and keep the sections apart and in order.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A report whose text holds what Mermaid's grammars give a meaning: colons, #, ;, %%, HTML, keywords, URLs. */
const REPORT = `---
kind: security
timezone: UTC
---
# Incident Report: Phishing: wave #2; 100%% <b>bold</b>

## Incident Details

- **Incident Date:** 2024-05-02 08:00 UTC
- **Discovery Date:** 2024-05-02 09:30 UTC

## Timeline of Events

- 2024-05-02 08:05 UTC — Mail from hxxps://evil[.]example/login: "click here" #phish; 50%% opened <img src=x>
- 2024-05-02 08:10 UTC — title: the attacker's second mail & a click fraud attempt
- 2024-05-02 09:30 UTC — the SOC was paged
- 2024-05-02 10:00 UTC — accounts disabled

### Initial Access

- **Date/Time:** 2024-05-02 08:00 UTC
- **Vector:** Phishing mail

### Detection & Response

- **Date/Time:** 2024-05-02 09:30 UTC
- **Detection:** Mail gateway alert
`;

suite('Mermaid output, drawn by Mermaid', function () {
  this.timeout(60_000);
  let folder;
  let browser;
  let page;

  suiteSetup(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'irs-mermaid-'));
    fs.writeFileSync(path.join(folder, 'report.md'), REPORT);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  });

  suiteTeardown(async () => {
    await browser?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Whether the drawing shows the text, as written; Mermaid wraps long lines, so white space is not compared. */
  function shows(texts, text) {
    const squeeze = (value) => value.replace(/\s+/g, '');
    return texts.some((drawn) => squeeze(drawn).includes(squeeze(text)));
  }

  /** The CLI's diagram without its Markdown fence, drawn: the SVG's texts, or the error Mermaid reports. */
  async function draw(format) {
    const run = spawnSync(process.execPath, [CLI, 'timeline', '--format', format, 'report.md'], { cwd: folder, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const code = run.stdout.replace(/^```mermaid\n/, '').replace(/```\n$/, '');
    return page.evaluate(async (source) => {
      try {
        const { svg } = await window.mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
        const container = document.createElement('div');
        container.innerHTML = svg;
        return { texts: [...container.querySelectorAll('text, tspan, foreignObject div, foreignObject span')].map((node) => node.textContent.trim()).filter(Boolean), error: null };
      } catch (error) {
        return { texts: [], error: String(error?.message ?? error) };
      }
    }, code);
  }

  test('the timeline diagram parses and shows every text as written, sections unique and in time order', async () => {
    const { texts, error } = await draw('mermaid');
    assert.strictEqual(error, null);
    const all = texts.join(' | ');
    // The report's title is its heading as a reader sees it: inline HTML is not part of it.
    assert.ok(shows(texts, 'Incident Report: Phishing: wave #2; 100%% bold'), all);
    assert.ok(shows(texts, 'Mail from hxxps://evil[.]example/login: "click here" #phish; 50%% opened <img src=x>'), all);
    assert.ok(shows(texts, "title: the attacker's second mail & a click fraud attempt"), all);
    assert.ok(shows(texts, '2024-05-02 08:05 UTC'), all);
    const sections = ['Incident Details', 'Initial Access', 'Timeline of Events', 'Incident Details (2)', 'Timeline of Events (2)', 'Detection & Response', 'Timeline of Events (3)'];
    const positions = sections.map((section) => texts.findIndex((drawn) => drawn.replace(/\s+/g, '') === section.replace(/\s+/g, '')));
    assert.ok(positions.every((position) => position >= 0), `sections drawn: ${positions}`);
    assert.deepStrictEqual([...positions].sort((a, b) => a - b), positions, 'sections in time order');
  });

  test('the gantt chart parses and shows every text as written', async () => {
    const { texts, error } = await draw('mermaid-gantt');
    assert.strictEqual(error, null);
    const all = texts.join(' | ');
    assert.ok(shows(texts, 'Mail from hxxps://evil[.]example/login: "click here" #phish; 50%% opened <img src=x>'), all);
    assert.ok(shows(texts, "title: the attacker's second mail & a click fraud attempt"), all);
    assert.ok(shows(texts, 'Incident Report: Phishing: wave #2; 100%% bold (times in UTC)'), all);
  });
});
