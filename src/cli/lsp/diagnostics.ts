import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../core/text/lineIndex';
import { KeyedDebouncer } from '../../shared/debounce';
import type { ReportAnalyses } from './analyses';
import { toLspDiagnostic } from './convert';
import type { ProjectFolders } from './folders';
import type { Log } from './log';

/** Milliseconds after the last change before a report is analysed again. */
const VALIDATION_DELAY_MS = 200;

/**
 * Publishes report diagnostics: at once on open, debounced while typing, cleared on close; and the problems of
 * each folder's `.incident-report.yaml` and template files in those files.
 */
export class DiagnosticsPublisher {
  private readonly debouncer = new KeyedDebouncer(() => VALIDATION_DELAY_MS);
  /** The documents with diagnostics published, and for which version and load. */
  private readonly published = new Map<string, { version: number; generation: number }>();
  private projectFiles = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: ReportAnalyses,
    private readonly folders: ProjectFolders,
    private readonly log: Log,
  ) {}

  opened(document: TextDocument): void {
    void this.publish(document);
  }

  /** Also called on open (the library fires both): the published version is then skipped. */
  changed(document: TextDocument): void {
    this.debouncer.run(document.uri, () => void this.publish(document));
  }

  closed(document: TextDocument): void {
    this.debouncer.cancel(document.uri);
    this.analyses.forget(document.uri);
    if (this.published.delete(document.uri)) this.send(document.uri, undefined, []);
  }

  /** After a reload: every open document again, and the project files' own problems. */
  async publishAll(): Promise<void> {
    this.publishProjectFiles();
    await Promise.all(this.documents.all().map((document) => this.publish(document)));
  }

  dispose(): void {
    this.debouncer.dispose();
  }

  /**
   * Analyses the document and publishes the result with its version. When the document changed or closed while
   * the folders were loading, nothing is published: the newer version has its own publish coming.
   */
  private async publish(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    await this.log.guard(`Publishing the diagnostics of ${uri}`, undefined, async () => {
      const analysis = await this.analyses.analyze(document);
      const { generation } = this.folders;
      const before = this.published.get(uri);
      if (this.documents.get(uri) !== document || document.version !== version) return;
      if (before?.version === version && before.generation === generation) return;
      if (analysis) {
        this.published.set(uri, { version, generation });
        this.send(uri, version, analysis.diagnostics.map((found) => toLspDiagnostic(analysis.report.lines, found)));
      } else if (this.published.delete(uri)) {
        this.send(uri, version, []);
      }
    });
  }

  private publishProjectFiles(): void {
    const published = new Set<string>();
    for (const workspace of this.folders.all) {
      for (const file of workspace.files) {
        const uri = pathToFileURL(join(workspace.root, file.path)).href;
        const lines = new LineIndex(file.text);
        this.send(uri, undefined, file.diagnostics.map((found) => toLspDiagnostic(lines, found)));
        published.add(uri);
      }
    }
    for (const uri of this.projectFiles) if (!published.has(uri)) this.send(uri, undefined, []);
    this.projectFiles = published;
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => this.log.error(`Sending the diagnostics of ${uri}`, error));
  }
}
