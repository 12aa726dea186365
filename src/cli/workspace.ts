import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Analysis, AnalysisOptions } from '../core/analysis/analyze';
import { CONFIG_FILE_NAME, parseConfigFile, resolveConfig, type ResolvedConfig } from '../core/project/config';
import { analyzeIfReport } from '../core/analysis/detect';
import { exportDiagnostics } from '../core/output/export';
import type { LintedFile } from '../core/output/exportSchema';
import { LineIndex } from '../core/text/lineIndex';
import { parseTemplateFile, TemplateRegistry, type LoadedTemplate } from '../core/template/registry';
import type { Diagnostic } from '../core/types';
import { displayPath, readOptionalText, readText } from './files';

/** The folder's configuration and templates, as the extension reads them for a workspace folder. */
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
  const problems: LintedFile[] = [];
  const addProblems = (path: string, text: string, diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length > 0) problems.push({ file: displayPath(root, path), kind: null, diagnostics: exportDiagnostics(new LineIndex(text), diagnostics) });
  };

  const configPath = join(root, CONFIG_FILE_NAME);
  const configText = readOptionalText(configPath, CONFIG_FILE_NAME);
  const parsed = configText === undefined ? undefined : parseConfigFile(configText);
  if (parsed && configText !== undefined) addProblems(configPath, configText, parsed.diagnostics);
  const config = resolveConfig({}, parsed?.config);

  const loaded: LoadedTemplate[] = [];
  for (const path of await templateFiles(resolve(root, config.templates))) {
    const text = readText(path, displayPath(root, path));
    const { template, diagnostics } = parseTemplateFile(text);
    addProblems(path, text, diagnostics);
    if (template) loaded.push({ template, source: path });
  }
  const templates = new TemplateRegistry(loaded);
  const options: AnalysisOptions = { templates, rules: config.rules, now };
  return { root, config, templates, problems, options, analyze: (text, matchesGlobs) => analyzeIfReport(text, matchesGlobs, options) };
}

async function templateFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(folder, name));
}
