import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import { analyzeIfReport } from '../core/analysis/detect';
import { matchesReportGlobs, type ResolvedConfig } from '../core/project/config';
import { analysisOptions, loadProject, type Project, type ProjectFiles } from '../core/project/loader';
import { exportDiagnostics } from '../core/output/export';
import type { LintedFile } from '../core/output/exportSchema';
import type { TemplateRegistry } from '../core/template/registry';
import { LineIndex } from '../core/text/lineIndex';
import { loadAttackCatalog } from './attackCatalog';
import { displayPath, readOptionalText } from './files';

/** The folder's configuration and templates, loaded as the extension loads a workspace folder's. */
export interface Workspace {
  readonly root: string;
  readonly config: ResolvedConfig;
  readonly templates: TemplateRegistry;
  /** Problems of `.incident-report.yaml` and of template files, which lint lists like reports' problems. */
  readonly problems: readonly LintedFile[];
  /** `.incident-report.yaml` (when present) and every template file, each with its problems, as the core's loader read them. */
  readonly files: Project['files'];
  /** What the core's analysis and commands take for this folder, at the time it was loaded. */
  readonly options: AnalysisOptions;
  /** The same at another time: the language server analyses each version of a report when it is made. */
  optionsAt(now: Date): AnalysisOptions;
  /** Whether the report globs name the file (an absolute path): such a file is a report whatever its content. */
  matchesGlobs(path: string): boolean;
  /** Analyses the text when it is a report (see `analyzeIfReport`); `matchesGlobs` is asked only when needed. */
  analyze(text: string, matchesGlobs: () => boolean): Analysis | undefined;
}

export async function loadWorkspace(root: string, now: Date): Promise<Workspace> {
  const project = await loadProject(nodeProjectFiles(root));
  const problems = project.files
    .filter((file) => file.diagnostics.length > 0)
    .map((file): LintedFile => ({ file: displayPath(root, join(root, file.path)), kind: null, diagnostics: exportDiagnostics(new LineIndex(file.text), file.diagnostics) }));
  const attack = await loadAttackCatalog();
  const optionsAt = (at: Date) => analysisOptions(project, at, attack);
  const options = optionsAt(now);
  return {
    root,
    config: project.config,
    templates: project.templates,
    problems,
    files: project.files,
    options,
    optionsAt,
    matchesGlobs: (path) => matchesReportGlobs(displayPath(root, path), project.config.files),
    analyze: (text, matchesGlobs) => analyzeIfReport(text, matchesGlobs, options),
  };
}

/** The loader's view of a folder on disk. */
function nodeProjectFiles(root: string): ProjectFiles {
  return {
    readText: async (path) => readOptionalText(join(root, path), path),
    list: (folder) => readdir(join(root, folder)),
  };
}
