import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver/node';
import { projectFileGlobs } from '../../core/project/loader';
import type { ProjectFolders } from './folders';
import type { Log } from './log';

/**
 * Asks the client to watch every folder's `.incident-report.yaml` and template files (a dynamic registration of
 * workspace/didChangeWatchedFiles), and asks again when a reload moves the templates folder.
 */
export class ProjectFileWatchers {
  private registered: { globs: string; registration: Promise<Disposable | undefined> } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: ProjectFolders,
    private readonly log: Log,
  ) {}

  async update(): Promise<void> {
    // Clients match a string pattern against absolute paths; notifications for a nested look-alike are filtered out.
    const globs = [...new Set(this.folders.all.flatMap((workspace) => projectFileGlobs(workspace.config)))].map((glob) => `**/${glob}`);
    const key = globs.join('\n');
    if (this.registered?.globs === key) return;
    const previous = this.registered;
    this.registered = {
      globs: key,
      registration: this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch((error: unknown) => {
        this.log.error('The editor refused to watch the configuration and template files', error);
        return undefined;
      }),
    };
    (await previous?.registration)?.dispose();
  }
}
