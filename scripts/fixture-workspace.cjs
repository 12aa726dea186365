// A fresh copy of examples/ plus test/integration/fixtures/ in a temporary folder, so tests can create and change
// files without touching the repository.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./workbench.cjs');

function createFixtureWorkspace() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'irs-workspace-'));
  for (const source of ['examples', 'test/integration/fixtures']) {
    const from = path.join(ROOT, source);
    if (fs.existsSync(from)) fs.cpSync(from, folder, { recursive: true });
  }
  return {
    folder,
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

module.exports = { createFixtureWorkspace };
