import * as vscode from 'vscode';
import { DEFAULT_NOT_APPLICABLE_REASON } from '../core/parse/notApplicable';
import { CONFIG_FILE_NAME, parseConfigFile, resolveConfig, type ResolvedConfig } from '../core/project/config';
import type { SeveritySetting } from '../core/types';
import { positionsOf, toDiagnostic } from './convert';
import { KeyedDebouncer } from './debounce';
import { readWorkspaceText } from './workspaceFiles';

export const SETTINGS_SECTION = 'incidentReport';
export const RELOAD_DELAY_MS = 300;

/** Settings merged with each workspace folder's `.incident-report.yaml`, whose problems show in that file. */
export class Configuration implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly byFolder = new Map<string, ResolvedConfig>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('incident-report-config');
  /** Typing in the config file, or a burst of file events, reloads once. */
  private readonly debouncer = new KeyedDebouncer(() => RELOAD_DELAY_MS);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, this.debouncer];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () => this.debouncer.run('reload', () => void this.reload());
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS_SECTION) && reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeTextDocument((event) => event.document.uri.path.endsWith(`/${CONFIG_FILE_NAME}`) && reload()),
    );
  }

  async reload(): Promise<void> {
    this.byFolder.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
      const text = await readWorkspaceText(uri);
      const parsed = text === undefined ? undefined : parseConfigFile(text);
      if (parsed && text !== undefined) {
        const positions = positionsOf(text);
        this.diagnostics.set(uri, parsed.diagnostics.map((found) => toDiagnostic(positions, found)));
      } else {
        this.diagnostics.delete(uri);
      }
      this.byFolder.set(folder.uri.toString(), resolveConfig(settingsFor(folder.uri), parsed?.config));
    }
    this.changed.fire();
  }

  /** The configuration that applies to a document: its folder's, else the settings alone. */
  forUri(uri: vscode.Uri): ResolvedConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.byFolder.get(folder.uri.toString())) ?? resolveConfig(settingsFor(uri));
  }

  /** The reason N/A commands and fixes write, from the settings. */
  notApplicableReason(uri?: vscode.Uri): string {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<string>('notApplicableReason')?.trim() || DEFAULT_NOT_APPLICABLE_REASON;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function settingsFor(scope: vscode.Uri): Partial<ResolvedConfig> {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    rules: settings.get<Record<string, SeveritySetting>>('rules') ?? {},
    templates: settings.get<string>('templatesPath'),
    files: settings.get<string[]>('files'),
    folder: settings.get<string>('folder'),
  };
}
