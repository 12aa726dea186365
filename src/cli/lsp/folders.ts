import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProjectFile } from '../../core/project/loader';
import { loadWorkspace, type Workspace } from '../workspace';
import type { Log } from './log';

/**
 * The editor's workspace folders, each loaded as the CLI loads the current folder: `.incident-report.yaml`, the
 * templates and the ATT&CK data. Loads run one after the other; a folder that fails to load keeps what was
 * loaded for it before.
 */
export class ProjectFolders {
  private loaded: readonly Workspace[] = [];
  private loading: Promise<void> = Promise.resolve();
  /** Counts finished loads: an analysis made before the last one is out of date. */
  private loads = 0;

  constructor(
    private roots: readonly string[],
    private readonly log: Log,
  ) {}

  get generation(): number {
    return this.loads;
  }

  get all(): readonly Workspace[] {
    return this.loaded;
  }

  /** Resolves once every load asked for so far has finished. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** Folders added to and removed from the editor's workspace; `reload` loads them. */
  changeRoots(added: readonly string[], removed: readonly string[]): void {
    this.roots = [...this.roots.filter((root) => !removed.includes(root)), ...added.filter((root) => !this.roots.includes(root))];
  }

  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.load());
    return this.loading;
  }

  private async load(): Promise<void> {
    const loaded: Workspace[] = [];
    for (const root of this.roots) {
      try {
        loaded.push(await loadWorkspace(root, new Date()));
      } catch (error) {
        this.log.error(`Loading the configuration and templates of ${root} failed`, error);
        const before = this.loaded.find((workspace) => workspace.root === root);
        if (before) loaded.push(before);
      }
    }
    this.loaded = loaded;
    this.loads++;
  }

  /** The folder of a file: the innermost one that holds it, else the first, as the extension does for a file outside every folder. */
  forPath(path: string | undefined): Workspace | undefined {
    const holding = path === undefined ? [] : this.loaded.filter((workspace) => contains(workspace.root, path));
    return holding.sort((a, b) => b.root.length - a.root.length)[0] ?? this.loaded[0];
  }

  /** Whether a change to the file changes a folder's project: its `.incident-report.yaml` or a template file. */
  isProjectFile(path: string | undefined): boolean {
    return path !== undefined && this.loaded.some((workspace) => contains(workspace.root, path) && isProjectFile(relative(workspace.root, path), workspace.config));
  }
}

/** The path of a `file:` URI; undefined for any other scheme (an unsaved buffer) or a malformed URI. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function contains(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
