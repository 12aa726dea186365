import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { firstFreeName, reportFileName } from '../../core/project/reportFiles';
import { DEFAULT_NOT_APPLICABLE_REASON } from '../../core/parse/notApplicable';
import { renderReport } from '../../core/template/render';
import { parseCommandArgs, usageError } from '../args';
import type { Command } from '../context';
import { CliError } from '../errors';
import { displayPath, errorCode, reason } from '../files';
import { loadWorkspace } from '../workspace';

export const newCommand: Command = {
  name: 'new',
  summary: 'create a report from a template',
  help: `Usage: incident-report new --template ID --title TITLE [--dir FOLDER]

Writes <FOLDER>/<YYYY-MM-DD>-<title-slug>.md (today's date, local time) from a template and prints its path.
An existing file is never replaced: the name gets -2, -3, … instead.

Options:
  -t, --template <id>  built-in: security-incident, operational-outage; or a template of the folder's
                       .incident-reports/templates (or the "templates" path of .incident-report.yaml)
      --title <text>   title of the incident
      --dir <folder>   where to write (default: the "folder" of .incident-report.yaml, else incidents)
  -h, --help           show this help

Exit codes: 0 written, 2 a usage error or a file that cannot be written.
`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('new', args, {
      template: { type: 'string', short: 't' },
      title: { type: 'string' },
      dir: { type: 'string' },
    });
    if (positionals.length > 0) throw usageError('new', `unexpected argument "${positionals[0]}"`);
    const title = values.title?.trim();
    if (!title) throw usageError('new', 'give the incident a --title');
    const workspace = await loadWorkspace(context.cwd, context.now);
    const ids = workspace.templates.list().map((loaded) => loaded.template.id);
    if (!values.template) throw usageError('new', `choose a --template: ${ids.join(', ')}`);
    const template = workspace.templates.get(values.template);
    if (!template) throw usageError('new', `no template "${values.template}"; there are ${ids.join(', ')}`);

    const folder = resolve(context.cwd, values.dir ?? workspace.config.folder);
    const text = renderReport(template, { title, mode: 'text', notApplicableReason: DEFAULT_NOT_APPLICABLE_REASON });
    const path = await writeNewFile(folder, reportFileName(title, context.now), text, displayPath(context.cwd, folder));
    context.out(`${displayPath(context.cwd, path)}\n`);
    return 0;
  },
};

/** Creates the file under the first free name; 'wx' makes a file that appears meanwhile a retry, not an overwrite. */
async function writeNewFile(folder: string, name: string, text: string, folderDisplay: string): Promise<string> {
  const fail = (error: unknown) => new CliError(`incident-report new: cannot write to ${folderDisplay}: ${reason(error)}`);
  await mkdir(folder, { recursive: true }).catch((error) => {
    throw fail(error);
  });
  const taken = (candidate: string) => lstat(join(folder, candidate)).then(() => true, () => false);
  for (;;) {
    const path = join(folder, await firstFreeName(name, taken));
    try {
      await writeFile(path, text, { flag: 'wx' });
      return path;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw fail(error);
    }
  }
}
