import * as vscode from 'vscode';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import { analyzeIfReport } from '../core/analysis/detect';
import { matchesReportGlobs } from '../core/project/config';
import { analysisOptions } from '../core/project/loader';
import type { Log } from './log';
import type { Projects } from './projects';

/** Decides which documents are reports and analyses them, once per document version. */
export class Reports {
  private readonly cache = new Map<string, { version: number; analysis: Analysis | undefined }>();

  constructor(
    private readonly projects: Projects,
    private readonly clock: () => Date,
    private readonly log: Log,
  ) {}

  /** The analysis of a report, or undefined for any other document. */
  analyze(document: vscode.TextDocument): Analysis | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.analyzeText(document.uri, document.getText());
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** The same for a file that is not open. The core's analysis is total; the guard covers the rest (globs, settings). */
  analyzeText(uri: vscode.Uri, text: string): Analysis | undefined {
    return this.log.guard(`Analysing ${uri.toString()}`, undefined, () => {
      const byPath = uri.scheme !== 'untitled' && matchesReportGlobs(vscode.workspace.asRelativePath(uri, false), this.projects.forUri(uri).config.files);
      return analyzeIfReport(text, byPath, this.options(uri));
    });
  }

  options(uri: vscode.Uri): AnalysisOptions {
    return analysisOptions(this.projects.forUri(uri), this.clock());
  }

  /** Forget every analysis: templates or configuration changed. */
  invalidate(): void {
    this.cache.clear();
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
