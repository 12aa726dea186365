// `incident-report render --format html` seen in Chromium: each example report's page on screen (light and dark),
// as printed (print media, and a PDF), loading nothing and breaking no rule of its own Content-Security-Policy.
// Pages, screenshots and PDFs go to test-results/ui/html-export/. Needs `node esbuild.mjs` first (npm run
// test:integration builds); run alone with `npx mocha --ui tdd --timeout 60000 test/ui/html-export.cjs`.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-results', 'ui', 'html-export');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Reports to render, from the examples workspace, and whether they have dated events to draw. */
const REPORTS = [
  { cwd: 'examples', report: 'incidents/2024-05-14-invoice-phishing-intrusion.md', dated: true },
  { cwd: 'examples', report: 'incidents/2023-11-23-cloudflare-atlassian-breach.md', dated: true },
  { cwd: 'examples', report: 'incidents/bitbucket-worldwide-outage.md', dated: false },
  { cwd: '.', report: 'test/fixtures/proton-outage-dated.md', dated: true },
];

/** Renders a report with the built CLI (--yes: the labels are not what is checked here). */
function render(cwd, report, name) {
  const file = path.join(OUT, `${name}.html`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'render', report, '--yes', '--output', file], { cwd: path.join(ROOT, cwd), encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  return file;
}

suite('HTML export in Chromium', () => {
  let browser;
  suiteSetup(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  suiteTeardown(() => browser?.close());

  /** A page with the file open, recording every request beyond the file and every CSP violation. */
  async function open(file, colorScheme) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
    const requests = [];
    page.on('request', (request) => {
      if (request.url() !== `file://${file}`) requests.push(request.url());
    });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`file://${file}`);
    return { page, requests };
  }

  for (const { cwd, report, dated } of REPORTS) {
    const name = path.basename(report, '.md');
    test(`${name}: styled, self-contained, printable`, async () => {
      const file = render(cwd, report, name);
      const { page, requests } = await open(file, 'light');
      assert.deepStrictEqual(requests, [], 'the page loads nothing');
      assert.deepStrictEqual(await page.evaluate(() => window.violations), [], 'nothing breaks the page policy');
      // The nonce lets the stylesheet in: the banner is black, the axis has lanes.
      assert.strictEqual(await page.locator('.tlp-banner').evaluate((banner) => window.getComputedStyle(banner).backgroundColor), 'rgb(0, 0, 0)');
      if (dated) assert.ok((await page.locator('.axis-lane').count()) > 1, 'the time axis is drawn');
      else assert.match(await page.locator('.time-axis .empty').innerText(), /No dated events/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `nothing overflows sideways (${overflow} px)`);
      await page.screenshot({ path: path.join(OUT, `${name}-light.png`) });
      await page.screenshot({ path: path.join(OUT, `${name}-light-full.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(OUT, `${name}-print.png`), fullPage: true });
      await page.pdf({ path: path.join(OUT, `${name}.pdf`), format: 'A4', printBackground: false });
      await page.close();

      const dark = await open(file, 'dark');
      assert.notStrictEqual(await dark.page.evaluate(() => window.getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', 'a dark page in a dark scheme');
      await dark.page.screenshot({ path: path.join(OUT, `${name}-dark.png`) });
      await dark.page.close();
    });
  }

  test('hostile report text stays text', async () => {
    const report = path.join(OUT, 'hostile.md');
    fs.writeFileSync(report, '---\ntlp: TLP:GREEN\n---\n# Incident Report: <img src=x onerror="document.title=1">\n\n## Executive Summary\n\n<script>document.title = "ran"</script>\n\n[click](javascript:document.title="ran")\n');
    const file = path.join(OUT, 'hostile.html');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'render', report, '--output', file], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
    const { page, requests } = await open(file, 'light');
    assert.deepStrictEqual(requests, []);
    assert.strictEqual(await page.locator('script, img, a[href^="javascript"]').count(), 0);
    assert.match(await page.locator('h1').innerText(), /<img src=x onerror=/);
    assert.match(await page.locator('.report-body').innerText(), /<script>document\.title = "ran"<\/script>/);
    assert.doesNotMatch(await page.title(), /ran|^1$/);
    await page.screenshot({ path: path.join(OUT, 'hostile.png') });
    await page.close();
  });
});
