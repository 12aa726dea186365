// Test entry of the web extension host: dist/test/integration/web/index.js (see esbuild.mjs).
import 'mocha/mocha.js'; // the browser build, which sets the global `mocha`

export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20_000 });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here, at run time, not when the module is
  require('integration-suites'); // every test/integration/*.test.ts, after setup so `suite`/`test` exist
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
