import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TempFolder } from './helpers';

/**
 * The most each shipped bundle may weigh, minified. The goal is 400 KB; this limit is what the bundles weigh today
 * with a little room, so that a dependency that adds weight is a decision, not an accident. Lower it as they shrink.
 */
const BUNDLE_LIMIT_BYTES = 505_000;
/** The language server carries the protocol libraries as well; only an editor's session loads it. */
const SERVER_LIMIT_BYTES = 635_000;
const LIMITS: Record<string, number> = {
  'extension.js': BUNDLE_LIMIT_BYTES,
  'browser/extension.js': BUNDLE_LIMIT_BYTES,
  'cli.js': BUNDLE_LIMIT_BYTES,
  'webview/timeline.js': BUNDLE_LIMIT_BYTES,
  'webview/portfolio.js': BUNDLE_LIMIT_BYTES,
  'lsp.js': SERVER_LIMIT_BYTES,
};

suite('production bundles', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test(`each shipped bundle weighs at most ${BUNDLE_LIMIT_BYTES / 1000} KB (the language server ${SERVER_LIMIT_BYTES / 1000} KB), and the build prints each one's size`, function () {
    this.timeout(120_000);
    folder = new TempFolder();
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--out', folder.path], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    for (const [bundle, limit] of Object.entries(LIMITS)) {
      const bytes = statSync(join(folder.path, bundle)).size;
      assert.ok(bytes <= limit, `${bundle} weighs ${bytes} bytes`);
      assert.match(build.stderr, new RegExp(`${bundle.replace('.', '\\.')}\\s+${(bytes / 1000).toFixed(1).replace('.', '\\.')} KB`));
    }
  });
});
