import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TempFolder } from './helpers';

/**
 * The most each shipped bundle may weigh, minified. The goal is 400 KB; this limit is what the bundles weigh today
 * with a little room, so that a dependency that adds weight is a decision, not an accident. Lower it as they shrink.
 */
const BUNDLE_LIMIT_BYTES = 680_000;
const SHIPPED = ['extension.js', 'browser/extension.js', 'cli.js', 'webview/timeline.js', 'webview/portfolio.js'];

suite('production bundles', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test(`each shipped bundle weighs at most ${BUNDLE_LIMIT_BYTES / 1000} KB, and the build prints each one's size`, function () {
    this.timeout(120_000);
    folder = new TempFolder();
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--out', folder.path], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    for (const bundle of SHIPPED) {
      const bytes = statSync(join(folder.path, bundle)).size;
      assert.ok(bytes <= BUNDLE_LIMIT_BYTES, `${bundle} weighs ${bytes} bytes`);
      assert.match(build.stderr, new RegExp(`${bundle.replace('.', '\\.')}\\s+${(bytes / 1000).toFixed(1).replace('.', '\\.')} KB`));
    }
  });
});
