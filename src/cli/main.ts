import { wantsHelp } from './args';
import type { CliContext, Command } from './context';
import { actionsCommand } from './commands/actions';
import { exportCommand } from './commands/export';
import { fixCommand } from './commands/fix';
import { lintCommand } from './commands/lint';
import { lspCommand } from './commands/lsp';
import { markNotApplicableCommand } from './commands/markNotApplicable';
import { newCommand } from './commands/new';
import { renderCommand } from './commands/render';
import { statsCommand } from './commands/stats';
import { timelineCommand } from './commands/timeline';
import { isMainThread } from 'node:worker_threads';
import { CliError } from './errors';
import { serveLintWorker } from './lintThreads';
import { VERSION } from './version';

const COMMANDS: readonly Command[] = [lintCommand, fixCommand, markNotApplicableCommand, exportCommand, timelineCommand, renderCommand, actionsCommand, statsCommand, newCommand, lspCommand];

const HELP = `Usage: incident-report <command> [options]

Incident Report Studio on the command line: the checks of the editor extension for CI, and more.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

Options:
  -h, --help     show help (also after a command: incident-report lint --help)
  -v, --version  print the version

Settings come from .incident-report.yaml and .incident-reports/templates/ in the current folder.
`;

async function main(argv: string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    context.err(HELP);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    context.out(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    context.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    context.err(`incident-report: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see "incident-report --help")\n`);
    return 2;
  }
  if (wantsHelp(args)) {
    context.out(command.help);
    return 0;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof CliError) context.err(`${error.message}\n`);
    else context.err(`incident-report ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function start(): void {
  const context: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    now: new Date(),
    stdoutIsTty: process.stdout.isTTY === true,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };

  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

  main(process.argv.slice(2), context).then((code) => {
    process.exitCode = code;
  });
}

// `lint` runs this bundle in worker threads too (see lintThreads.ts).
if (isMainThread) start();
else void serveLintWorker();
