// Lints 1,000 generated reports, in memory through the core and end to end through the CLI: `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeIfReport } from '../src/core/analysis/detect';
import { TemplateRegistry } from '../src/core/template/registry';
import { CLEAN_REPORT, ERROR_REPORT, WARNING_REPORT } from '../test/cli/fixtures';

const COUNT = 1000;
const CLI = join(__dirname, '..', 'cli.js');

/** Reports that differ in title and dates, a third with a warning and a third with an error. */
function generatedReports(): string[] {
  const bases = [CLEAN_REPORT, WARNING_REPORT, ERROR_REPORT];
  return Array.from({ length: COUNT }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return bases[i % bases.length].replace('Checkout outage', `Checkout outage ${i}`).replace(/2024-03-14/g, `2024-03-${day}`);
  });
}

function inMemory(reports: readonly string[]): number {
  const options = { templates: new TemplateRegistry(), now: new Date() };
  const lintAll = () => reports.reduce((problems, text) => problems + (analyzeIfReport(text, true, options)?.diagnostics.length ?? 0), 0);
  lintAll(); // warm-up: JIT and caches, as in a long-running editor
  const start = performance.now();
  lintAll();
  return performance.now() - start;
}

function endToEnd(reports: readonly string[]): number {
  const folder = mkdtempSync(join(tmpdir(), 'incident-report-bench-'));
  try {
    mkdirSync(join(folder, 'incidents'));
    reports.forEach((text, i) => writeFileSync(join(folder, 'incidents', `report-${i}.md`), text));
    const start = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const elapsed = performance.now() - start;
    const linted = run.status === 1 ? (JSON.parse(run.stdout) as { files: unknown[] }).files.length : 0;
    if (linted !== reports.length) throw new Error(`The CLI linted ${linted} of ${reports.length} reports (exit ${run.status}): ${run.stderr}`);
    return elapsed;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const reports = generatedReports();
const print = (label: string, milliseconds: number) =>
  console.log(`${label}: ${COUNT} reports in ${(milliseconds / 1000).toFixed(2)} s = ${Math.round((COUNT * 1000) / milliseconds)} reports/s`);
print('core, in memory', inMemory(reports));
print('CLI, end to end (node dist/cli.js lint, process start included)', endToEnd(reports));
