import { join } from 'node:path';
import { parseCommandArgs, usageError } from '../args';
import type { Command } from '../context';
import type * as server from '../lsp/server';

/**
 * The server is a bundle of its own beside the CLI's (`dist/lsp.js`), loaded only by this command: its protocol
 * libraries would otherwise weigh on every `lint` in CI.
 */
function loadServer(): typeof server {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, 'lsp.js')) as typeof server;
}

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'run the language server, for editors other than VS Code',
  help: `Usage: incident-report lsp --stdio

Runs the language server: the editor extension's checks, quick fixes, Fix All, and ATT&CK hovers and completion
for any editor that speaks the Language Server Protocol (Neovim, Helix, Zed, JetBrains IDEs, …). The editor starts
it and talks to it on stdin and stdout; its log goes to the editor. Each workspace folder the editor opens (else
the current folder) gives .incident-report.yaml and the templates, reloaded when they change on disk.

Options:
      --stdio   talk on stdin and stdout (the only transport)
  -h, --help    show this help

Exit codes: 0 when the editor ends the session (shutdown, then exit), 1 when it exits without shutdown or
            closes stdin, 2 a usage error.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('lsp', args, { stdio: { type: 'boolean' } });
    if (positionals.length > 0) throw usageError('lsp', `unexpected argument "${positionals[0]}"`);
    if (values.stdio !== true) throw usageError('lsp', 'give --stdio: the server talks on stdin and stdout');
    return loadServer().serveLanguageServer(context.cwd);
  },
};
