// A real editor: Neovim (Debian's `neovim` package) runs test/cli/nvim/smoke.lua, which attaches the built server to a
// report and prints what Neovim sees. Skipped, with a message, where `nvim` is not installed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ERROR_REPORT } from './fixtures';
import { CLI, ROOT, TempFolder } from './helpers';

const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

suite('lsp in Neovim', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  suiteSetup(function () {
    if (hasNeovim) return;
    console.log('      nvim is not installed: the Neovim smoke test is skipped (apt-get install neovim runs it)');
    this.skip();
  });
  teardown(() => folder?.dispose());

  test('Neovim shows the diagnostics, offers the quick fix and Fix All, applies the fix, and the server exits 0', () => {
    folder = new TempFolder({ 'incidents/report.md': ERROR_REPORT });
    const report = join(folder.path, 'incidents', 'report.md');
    const run = spawnSync('nvim', ['--headless', '-i', 'NONE', '-n', '-u', join(ROOT, 'test', 'cli', 'nvim', 'smoke.lua'), report], {
      cwd: folder.path,
      env: { ...process.env, INCIDENT_REPORT_CLI: CLI },
      encoding: 'utf8',
      timeout: 100_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(run.stdout, /^filetype markdown, 1 diagnostics$/m, output);
    assert.match(run.stdout, /^diagnostic \d+:1 ERROR incident-report section\.missing: Missing required section "Recommendations"$/m, output);
    assert.match(run.stdout, /^code action quickfix: Insert section "Recommendations" \(preferred\)$/m, output);
    assert.match(run.stdout, /^code action source\.fixAll\.incidentReport: Fix all auto-fixable report problems$/m, output);
    assert.match(run.stdout, /^after the fix: no section\.missing$/m, output);
    assert.match(run.stdout, /^server exit code 0$/m, output);
    assert.equal(folder.read('incidents/report.md'), ERROR_REPORT, 'the fix changed the buffer, which Neovim never wrote');
  });
});
