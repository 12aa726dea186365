import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisOptions } from '../../core/analysis/analyze';
import { analyzeIfReport } from '../../core/analysis/detect';
import { isReportCandidate } from '../../core/project/config';
import { displayPath } from '../files';
import { filePath, type ProjectFolders } from './folders';

/**
 * Decides which open documents are reports, as `lint` decides for files (the report globs, else the front matter or
 * title of a Markdown file), and analyses them with their folder's project: once per document version and load.
 */
export class ReportAnalyses {
  private readonly cache = new Map<string, { version: number; generation: number; analysis: Analysis | undefined }>();

  constructor(
    private readonly folders: ProjectFolders,
    private readonly clock: () => Date,
  ) {}

  /**
   * The analysis of the document as it is once the folders are loaded, or undefined when it is no report. Made and
   * returned in one step after the wait, so it always belongs to the document's current version.
   */
  async analyze(document: TextDocument): Promise<Analysis | undefined> {
    await this.folders.ready();
    const cached = this.cache.get(document.uri);
    const { version } = document;
    const { generation } = this.folders;
    if (cached && cached.version === version && cached.generation === generation) return cached.analysis;
    const analysis = this.analyzeNow(document);
    this.cache.set(document.uri, { version, generation, analysis });
    return analysis;
  }

  /** What the core's commands (Fix All) take for the document, now. */
  async options(document: TextDocument): Promise<AnalysisOptions | undefined> {
    await this.folders.ready();
    return this.folders.forPath(filePath(document.uri))?.optionsAt(this.clock());
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private analyzeNow(document: TextDocument): Analysis | undefined {
    const path = filePath(document.uri);
    const workspace = this.folders.forPath(path);
    if (!workspace) return undefined;
    const candidate = document.languageId === 'markdown' || (path !== undefined && isReportCandidate(displayPath(workspace.root, path), workspace.config));
    if (!candidate) return undefined;
    return analyzeIfReport(document.getText(), () => path !== undefined && workspace.matchesGlobs(path), workspace.optionsAt(this.clock()));
  }
}
