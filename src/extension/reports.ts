import * as vscode from 'vscode';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import type { AttackCatalog } from '../core/security/attack';
import { analyzeIfReport } from '../core/analysis/detect';
import { matchesReportGlobs } from '../core/project/config';
import { analysisOptions } from '../core/project/loader';
import type { AttackCatalogLoader } from './attackCatalog';
import type { Log } from './log';
import type { Projects } from './projects';

/** Decides which documents are reports and analyses them, once per document version. */
export class Reports {
  /** By document: the analysis of one version, made with the ATT&CK catalog of its time (none before it loads). */
  private readonly cache = new Map<string, { version: number; attack: AttackCatalog | undefined; analysis: Analysis | undefined }>();

  constructor(
    private readonly projects: Projects,
    private readonly attack: AttackCatalogLoader,
    private readonly clock: () => Date,
    private readonly log: Log,
  ) {}

  /** The analysis of a report, or undefined for any other document. */
  analyze(document: vscode.TextDocument): Analysis | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    const attack = this.attack.current;
    if (cached && cached.version === document.version && cached.attack === attack) return cached.analysis;
    const analysis = this.analyzeText(document.uri, document.getText());
    this.cache.set(key, { version: document.version, attack, analysis });
    return analysis;
  }

  /** The same, once the ATT&CK data is read: for hovers and completions, which are about it. */
  async analyzeWithAttack(document: vscode.TextDocument): Promise<Analysis | undefined> {
    await this.attack.load();
    return this.analyze(document);
  }

  /** The same for a file that is not open. The core's analysis is total; the guard covers the rest (globs, settings). */
  analyzeText(uri: vscode.Uri, text: string): Analysis | undefined {
    return this.log.guard(`Analysing ${uri.toString()}`, undefined, () => {
      const byPath = uri.scheme !== 'untitled' && matchesReportGlobs(vscode.workspace.asRelativePath(uri, false), this.projects.forUri(uri).config.files);
      return analyzeIfReport(text, byPath, this.options(uri));
    });
  }

  options(uri: vscode.Uri): AnalysisOptions {
    return analysisOptions(this.projects.forUri(uri), this.clock(), this.attack.current);
  }

  /** Forget every analysis: templates or configuration changed. */
  invalidate(): void {
    this.cache.clear();
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
