import * as vscode from 'vscode';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import type { AttackCatalog } from '../core/security/attack';
import { analyzeIfReport } from '../core/analysis/detect';
import { matchesReportGlobs } from '../core/project/config';
import { analysisOptions } from '../core/project/loader';
import type { AttackCatalogLoader } from './attackCatalog';
import type { Log } from './log';
import type { Projects } from './projects';

/** An analysis slower than this (a report of several megabytes) is never made on the keystroke path. */
const QUICK_ANALYSIS_MS = 50;
/** The longest wait after a keystroke before a slow report is analysed again. */
const MAX_SETTLE_MS = 5000;

/** Decides which documents are reports and analyses them, once per document version. */
export class Reports {
  /**
   * By document: the analysis of one version, made with the ATT&CK catalog of its time (none before it loads), and
   * how long it took.
   */
  private readonly cache = new Map<string, { version: number; attack: AttackCatalog | undefined; analysis: Analysis | undefined; durationMs: number }>();

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
    const start = performance.now();
    const analysis = this.analyzeText(document.uri, document.getText());
    this.cache.set(key, { version: document.version, attack, analysis, durationMs: performance.now() - start });
    return analysis;
  }

  /**
   * The analysis of the current version when it costs nothing now: already made, or the document analyses quickly.
   * For what runs on every keystroke or cursor move (quick fixes): a slow report is analysed by the debounced
   * diagnostics only, once typing pauses, and never for a version that a newer one has replaced.
   */
  analyzeIfQuick(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.cache.get(document.uri.toString());
    if (cached && cached.durationMs > QUICK_ANALYSIS_MS && cached.version !== document.version) return undefined;
    return this.analyze(document);
  }

  /** Whether the document was a report when it was last analysed, whatever its version now. */
  wasReport(document: vscode.TextDocument): boolean {
    return this.cache.get(document.uri.toString())?.analysis !== undefined;
  }

  /**
   * How long to wait after a keystroke before analysing the document: the configured delay, or twice its last
   * analysis when that is longer, so that typing in a report of several megabytes does not queue an analysis per
   * pause of a few hundred milliseconds.
   */
  settleDelay(uri: vscode.Uri, configuredMs: number): number {
    const last = this.cache.get(uri.toString())?.durationMs ?? 0;
    return Math.max(configuredMs, Math.min(MAX_SETTLE_MS, 2 * last));
  }

  /** The same, once the ATT&CK data is read: for hovers and completions, which are about it. */
  async analyzeWithAttack(document: vscode.TextDocument): Promise<Analysis | undefined> {
    await this.attack.load();
    return this.analyze(document);
  }

  /** The same for a file that is not open. The core's analysis is total; the guard covers the rest (globs, settings). */
  analyzeText(uri: vscode.Uri, text: string): Analysis | undefined {
    return this.log.guard(`Analysing ${uri.toString()}`, undefined, () => {
      const byPath = () => uri.scheme !== 'untitled' && matchesReportGlobs(vscode.workspace.asRelativePath(uri, false), this.projects.forUri(uri).config.files);
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
