import * as vscode from 'vscode';
import { relativeFolder } from '../core/project/config';
import { parseTemplateFile, TemplateRegistry, type LoadedTemplate } from '../core/template/registry';
import { RELOAD_DELAY_MS, type Configuration } from './configuration';
import { KeyedDebouncer } from './debounce';
import { positionsOf, toDiagnostic } from './convert';
import { readWorkspaceText } from './workspaceFiles';

/** Templates under each folder's templates path (`*.yaml`), reloaded when one changes; their problems show in the file. */
export class WorkspaceTemplates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly registries = new Map<string, TemplateRegistry>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('incident-report-templates');
  private watchers: vscode.Disposable[] = [];
  private readonly debouncer = new KeyedDebouncer(() => RELOAD_DELAY_MS);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, this.debouncer];
  private readonly builtinOnly = new TemplateRegistry();

  constructor(private readonly configuration: Configuration) {
    this.disposables.push(
      configuration.onDidChange(() => this.scheduleReload()),
      vscode.workspace.onDidChangeTextDocument((event) => this.isTemplateFile(event.document.uri) && this.scheduleReload()),
    );
  }

  async reload(): Promise<void> {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
    this.registries.clear();
    this.diagnostics.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const pattern = this.patternFor(folder);
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const reload = () => this.scheduleReload();
      this.watchers.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
      const loaded: LoadedTemplate[] = [];
      for (const uri of await vscode.workspace.findFiles(pattern)) {
        const text = await readWorkspaceText(uri);
        if (text === undefined) continue;
        const { template, diagnostics } = parseTemplateFile(text);
        const positions = positionsOf(text);
        this.diagnostics.set(uri, diagnostics.map((found) => toDiagnostic(positions, found)));
        if (template) loaded.push({ template, source: uri.toString() });
      }
      this.registries.set(folder.uri.toString(), new TemplateRegistry(loaded));
    }
    this.changed.fire();
  }

  /** Typing in a template, or a burst of file events, reloads once. */
  private scheduleReload(): void {
    this.debouncer.run('reload', () => void this.reload());
  }

  registryFor(uri: vscode.Uri): TemplateRegistry {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return (folder && this.registries.get(folder.uri.toString())) ?? this.builtinOnly;
  }

  private patternFor(folder: vscode.WorkspaceFolder): vscode.RelativePattern {
    const path = relativeFolder(this.configuration.forUri(folder.uri).templates);
    return new vscode.RelativePattern(folder, `${path}/*.{yaml,yml}`);
  }

  private isTemplateFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !/\.ya?ml$/.test(uri.path)) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    const path = relativeFolder(this.configuration.forUri(folder.uri).templates);
    return relative.startsWith(`${path}/`);
  }

  dispose(): void {
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }
}
