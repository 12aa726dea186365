// `npm start [-- --folder DIR] [--port N]`: builds, then serves VS Code for the Web with the extension loaded and
// examples/ (or DIR) open as the workspace. Open the printed address in a browser; Ctrl+C stops the server.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { ROOT, SERVER_LOG, startServer } = require('./workbench.cjs');

async function main() {
  const { values } = parseArgs({
    options: { folder: { type: 'string', default: path.join(ROOT, 'examples') }, port: { type: 'string', default: '3000' } },
  });
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.folder); // npm runs scripts in the package root
  const server = await startServer({ folder, port: Number(values.port) });
  console.log(`
VS Code for the Web with Incident Report Studio, showing ${folder}:

    ${server.url}

Open that address, not http://localhost:${server.port}: on plain localhost the browser refuses the webviews
(the timeline preview), which are served from subdomains of the workbench's host.
Edits made in the browser stay in that tab's memory; the files on disk do not change.
After rebuilding (node esbuild.mjs), reload the page to load the new extension code.
Server log: ${path.relative(process.cwd(), SERVER_LOG)}. Press Ctrl+C to stop.`);

  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
