import * as vscode from 'vscode';
import { resolveConfig, type ResolvedConfig } from '../core/project/config';
import { isProjectFile, loadProject, projectFileGlobs, type Project, type ProjectFiles } from '../core/project/loader';
import { TemplateRegistry } from '../core/template/registry';
import type { SeveritySetting } from '../core/diagnostics';
import { DEFAULT_DEFANG_STYLE, type DefangStyle } from '../core/security/indicators';
import { positionsOf, toDiagnostic } from './convert';
import { KeyedDebouncer } from '../shared/debounce';
import type { Log } from './log';
import { readWorkspaceText } from './workspaceFiles';

export const SETTINGS_SECTION = 'incidentReport';
const RELOAD_DELAY_MS = 300;

/**
 * Each workspace folder's project (settings merged with `.incident-report.yaml`, and its templates), loaded by the
 * core's loader as the CLI loads it. Reloaded, once per burst, when a configuration or template file changes on
 * disk or in an editor, or a setting changes; their problems show in those files. A reload that fails keeps the
 * projects loaded before.
 */
export class Projects implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private byFolder = new Map<string, Project>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('incident-report-project');
  private readonly debouncer = new KeyedDebouncer(() => RELOAD_DELAY_MS);
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, this.debouncer];

  constructor(private readonly log: Log) {
    const reload = () => this.scheduleReload();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS_SECTION) && reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeTextDocument((event) => this.changesProject(event.document.uri) && reload()),
    );
  }

  /** The project of the document's workspace folder; for a document outside every folder, the settings and built-in templates. */
  forUri(uri: vscode.Uri): Project {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return (folder && this.byFolder.get(folder.uri.toString())) ?? { config: resolveConfig(settingsFor(uri)), templates: new TemplateRegistry(), files: [] };
  }

  async reload(): Promise<void> {
    try {
      const loaded = new Map<string, Project>();
      const watched: vscode.Disposable[] = [];
      const published = new Map<string, vscode.Diagnostic[]>();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const project = await loadProject(folderFiles(folder), settingsFor(folder.uri));
        loaded.set(folder.uri.toString(), project);
        watched.push(...this.watch(folder, project.config));
        for (const file of project.files) {
          const positions = positionsOf(file.text);
          published.set(vscode.Uri.joinPath(folder.uri, file.path).toString(), file.diagnostics.map((found) => toDiagnostic(positions, found)));
        }
      }
      vscode.Disposable.from(...this.watchers).dispose();
      this.watchers = watched;
      this.byFolder = loaded;
      this.diagnostics.clear();
      for (const [uri, diagnostics] of published) this.diagnostics.set(vscode.Uri.parse(uri), diagnostics);
      this.changed.fire();
    } catch (error) {
      this.log.error('Reloading the configuration and templates failed; the ones loaded before stay in use', error);
    }
  }

  private scheduleReload(): void {
    this.debouncer.run('reload', () => void this.reload());
  }

  private watch(folder: vscode.WorkspaceFolder, config: ResolvedConfig): vscode.Disposable[] {
    const reload = () => this.scheduleReload();
    return projectFileGlobs(config).flatMap((glob) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
      return [watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload)];
    });
  }

  /** `.incident-report.yaml` or a template file of its folder: typing in one reloads the project. */
  private changesProject(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    return isProjectFile(vscode.workspace.asRelativePath(uri, false), this.forUri(uri).config);
  }

  dispose(): void {
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }
}

/** The loader's view of a workspace folder: unsaved editor text first, then `workspace.fs`, which works on the web too. */
function folderFiles(folder: vscode.WorkspaceFolder): ProjectFiles {
  return {
    readText: (path) => readWorkspaceText(vscode.Uri.joinPath(folder.uri, path)),
    async list(path) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, path));
        return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
      } catch {
        return [];
      }
    },
  };
}

function settingsFor(scope: vscode.Uri): Partial<ResolvedConfig> {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    rules: settings.get<Record<string, SeveritySetting>>('rules') ?? {},
    templates: settings.get<string>('templatesPath'),
    files: settings.get<string[]>('files'),
    folder: settings.get<string>('folder'),
    notApplicableReason: settings.get<string>('notApplicableReason'),
    defang: { dot: settings.get<DefangStyle['dot']>('defang.dot') ?? DEFAULT_DEFANG_STYLE.dot, at: settings.get<DefangStyle['at']>('defang.at') ?? DEFAULT_DEFANG_STYLE.at },
  };
}
