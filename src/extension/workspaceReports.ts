import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/analyze';
import { KeyedDebouncer } from '../shared/debounce';
import type { Services } from './services';
import { candidateGlobs, isCandidate, readWorkspaceText, reportCandidates } from './workspaceFiles';

export interface WorkspaceReport {
  readonly uri: vscode.Uri;
  readonly analysis: Analysis;
}

/** Views settle after a burst of changes (a save writes the file and publishes diagnostics) before they redraw. */
const CHANGE_DELAY_MS = 150;

/**
 * Every report of the workspace, analysed, for the views that list them: read the first time one is asked for, then
 * kept up to date as report files are created, changed or deleted on disk, as open reports are edited (when their
 * diagnostics are published), and as the configuration and templates change.
 */
export class WorkspaceReports implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired once per burst of changes. */
  readonly onDidChange = this.changed.event;
  private byUri: Map<string, WorkspaceReport> | undefined;
  private scanning: Promise<Map<string, WorkspaceReport>> | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly debouncer = new KeyedDebouncer(() => CHANGE_DELAY_MS);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.disposables = [
      this.changed,
      this.debouncer,
      services.diagnostics.onDidPublish((uri) => this.update(uri)),
      services.projects.onDidChange(() => this.rescan()),
    ];
  }

  /** The reports, by path. */
  async all(): Promise<WorkspaceReport[]> {
    this.scanning ??= this.scan();
    const reports = await this.scanning;
    return [...reports.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  private async scan(): Promise<Map<string, WorkspaceReport>> {
    const found = new Map<string, WorkspaceReport>();
    for (const uri of await reportCandidates(this.services.projects)) {
      const analysis = await this.analyze(uri);
      if (analysis) found.set(uri.toString(), { uri, analysis });
    }
    this.byUri = found;
    this.watch();
    return found;
  }

  private rescan(): void {
    if (!this.scanning) return;
    this.scanning = this.scan();
    void this.scanning.then(() => this.fireSoon());
  }

  /** Reads the file again (an open document's current text); nothing before the first scan. */
  private update(uri: vscode.Uri): void {
    if (!this.byUri) return;
    void this.analyze(uri).then((analysis) => {
      if (!this.byUri) return;
      if (analysis) this.byUri.set(uri.toString(), { uri, analysis });
      else if (!this.byUri.delete(uri.toString())) return;
      this.fireSoon();
    });
  }

  private remove(uri: vscode.Uri): void {
    if (this.byUri?.delete(uri.toString())) this.fireSoon();
  }

  private async analyze(uri: vscode.Uri): Promise<Analysis | undefined> {
    if (!isCandidate(this.services.projects, uri)) return undefined;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return this.services.reports.analyze(open);
    const text = await readWorkspaceText(uri);
    return text === undefined ? undefined : this.services.reports.analyzeText(uri, text);
  }

  private fireSoon(): void {
    this.debouncer.run('change', () => this.changed.fire());
  }

  /** Markdown files and the report globs of each folder: the files a report can be. */
  private watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
      candidateGlobs(this.services.projects, folder).flatMap((glob) => {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        return [watcher, watcher.onDidCreate((uri) => this.update(uri)), watcher.onDidChange((uri) => this.update(uri)), watcher.onDidDelete((uri) => this.remove(uri))];
      }),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }
}
