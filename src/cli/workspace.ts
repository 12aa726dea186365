import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import { analyzeIfReport } from '../core/analysis/detect';
import type { ResolvedConfig } from '../core/project/config';
import { analysisOptions, loadProject, type ProjectFiles } from '../core/project/loader';
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
  /** What the core's analysis and commands take for this folder. */
  readonly options: AnalysisOptions;
  /** Analyses the text when it is a report (see `analyzeIfReport`). */
  analyze(text: string, matchesGlobs: boolean): Analysis | undefined;
}

export async function loadWorkspace(root: string, now: Date): Promise<Workspace> {
  const project = await loadProject(nodeProjectFiles(root));
  const problems = project.files
    .filter((file) => file.diagnostics.length > 0)
    .map((file): LintedFile => ({ file: displayPath(root, join(root, file.path)), kind: null, diagnostics: exportDiagnostics(new LineIndex(file.text), file.diagnostics) }));
  const options = analysisOptions(project, now, await loadAttackCatalog());
  return { root, config: project.config, templates: project.templates, problems, options, analyze: (text, matchesGlobs) => analyzeIfReport(text, matchesGlobs, options) };
}

/** The loader's view of a folder on disk. */
function nodeProjectFiles(root: string): ProjectFiles {
  return {
    readText: async (path) => readOptionalText(join(root, path), path),
    list: (folder) => readdir(join(root, folder)),
  };
}
