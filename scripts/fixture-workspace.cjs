// A fresh copy of examples/ plus test/integration/fixtures/ in a temporary folder, so tests can create and change
// files without touching the repository.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, makeTemporaryFolder, removeTemporaryFolder } = require('./workbench.cjs');

function createFixtureWorkspace() {
  const folder = makeTemporaryFolder('irs-workspace-');
  for (const source of ['examples', 'test/integration/fixtures']) {
    const from = path.join(ROOT, source);
    if (fs.existsSync(from)) fs.cpSync(from, folder, { recursive: true });
  }
  return {
    folder,
    remove: () => removeTemporaryFolder(folder),
  };
}

module.exports = { createFixtureWorkspace };
