import * as vscode from 'vscode';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import { matchesReportGlobs } from '../core/project/config';
import { analyzeIfReport } from '../core/analysis/detect';
import type { Configuration } from './configuration';
import type { WorkspaceTemplates } from './workspaceTemplates';

/** Decides which documents are reports and analyses them, once per document version. */
export class Reports {
  private readonly cache = new Map<string, { version: number; analysis: Analysis | undefined }>();

  constructor(
    private readonly configuration: Configuration,
    private readonly templates: WorkspaceTemplates,
    private readonly clock: () => Date,
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

  /** The same for a file that is not open. */
  analyzeText(uri: vscode.Uri, text: string): Analysis | undefined {
    const byPath = uri.scheme !== 'untitled' && matchesReportGlobs(vscode.workspace.asRelativePath(uri, false), this.configuration.forUri(uri).files);
    return analyzeIfReport(text, byPath, this.options(uri));
  }

  options(uri: vscode.Uri): AnalysisOptions {
    return {
      templates: this.templates.registryFor(uri),
      rules: this.configuration.forUri(uri).rules,
      now: this.clock(),
      notApplicableReason: this.configuration.notApplicableReason(uri),
    };
  }

  /** Forget every analysis: templates or configuration changed. */
  invalidate(): void {
    this.cache.clear();
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
