// Test entry of the desktop extension host: dist/test/integration/node/index.js (see esbuild.mjs).
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 20_000 });
  // The suites are bundled in rather than added as files, so emit what `mocha.addFile` would before loading one:
  // it defines `suite`, `test` and the hooks.
  mocha.suite.emit('pre-require', globalThis, 'integration-suites', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here, at run time, not when the module is
  require('integration-suites'); // every test/integration/*.test.ts
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
