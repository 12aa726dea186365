import type { AnalysisOptions } from '../analysis/analyze';
import type { AttackCatalog } from '../security/attack';
import { diagnostic, type Diagnostic, type RuleId } from '../diagnostics';
import { builtinTemplates, TemplateRegistry } from '../template/registry';
import { resolveTemplates, type TemplateSource } from '../template/resolve';
import { parseTemplateFile } from '../template/templateFile';
import { CONFIG_FILE_NAME, parseConfigFile, relativeFolder, resolveConfig, type ResolvedConfig } from './config';

/**
 * What the loader reads of a workspace folder, by workspace-relative path with `/` separators: node's fs in the
 * CLI, `vscode.workspace.fs` (and unsaved editors) in the extension, a map in tests.
 */
export interface ProjectFiles {
  /** The file's text, or undefined when it does not exist. May throw when it exists but cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** The names of the files directly in the folder; empty when it does not exist. */
  list(folder: string): Promise<string[]>;
}

/** A configuration or template file with its problems (none: the file is fine, and old problems can be cleared). */
interface ProjectFile {
  readonly path: string;
  /** The text the problems' offsets refer to (empty when the file could not be read). */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** A workspace folder's configuration and templates, as the CLI, the extension and the language server all see them. */
export interface Project {
  readonly config: ResolvedConfig;
  readonly templates: TemplateRegistry;
  /** `.incident-report.yaml` (when present) and every template file, each with its problems. */
  readonly files: readonly ProjectFile[];
}

const TEMPLATE_FILE = /\.ya?ml$/i;

/**
 * Loads `.incident-report.yaml` merged over the editor's settings, and the template files of the configured
 * folder. Never throws: a file that cannot be read or is broken is reported in that file, and the healthy ones
 * are used.
 */
export async function loadProject(files: ProjectFiles, settings: Partial<ResolvedConfig> = {}): Promise<Project> {
  const loaded: ProjectFile[] = [];
  const configFile = await readFile(files, CONFIG_FILE_NAME, 'config.invalid');
  const parsedConfig = configFile?.text !== undefined && configFile.problem === undefined ? parseConfigFile(configFile.text) : undefined;
  if (configFile) loaded.push({ path: CONFIG_FILE_NAME, text: configFile.text ?? '', diagnostics: configFile.problem ? [configFile.problem] : parsedConfig!.diagnostics });
  const config = resolveConfig(settings, parsedConfig?.config);

  const folder = relativeFolder(config.templates);
  const names = await files.list(folder).catch(() => [] as string[]);
  const sources: TemplateSource[] = [];
  const templateFiles = new Map<string, ProjectFile>();
  for (const name of names.filter((candidate) => TEMPLATE_FILE.test(candidate)).sort()) {
    const path = folder ? `${folder}/${name}` : name;
    const read = await readFile(files, path, 'template.invalid');
    if (!read) continue;
    const parsed = read.problem ? undefined : parseTemplateFile(read.text!);
    templateFiles.set(path, { path, text: read.text ?? '', diagnostics: read.problem ? [read.problem] : parsed!.diagnostics });
    if (parsed?.file) sources.push({ file: parsed.file, source: path, extendsRange: parsed.extendsRange });
  }
  const { templates, problems } = resolveTemplates(sources, builtinTemplates());
  for (const { source, diagnostic: problem } of problems) {
    const file = templateFiles.get(source)!;
    templateFiles.set(source, { ...file, diagnostics: [...file.diagnostics, problem] });
  }
  return { config, templates: new TemplateRegistry(templates), files: [...loaded, ...templateFiles.values()] };
}

/** Workspace-relative globs of the files the project is loaded from, for file watchers. */
export function projectFileGlobs(config: ResolvedConfig): string[] {
  const templates = relativeFolder(config.templates);
  return [CONFIG_FILE_NAME, `${templates ? `${templates}/` : ''}*.{yaml,yml}`];
}

/**
 * Whether a workspace-relative path is a file the project is loaded from: `.incident-report.yaml`, or a YAML file
 * directly in the templates folder. A change to one reloads the project.
 */
export function isProjectFile(relativePath: string, config: ResolvedConfig): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const templates = relativeFolder(config.templates);
  const inTemplates = templates === '' ? !path.includes('/') : path.startsWith(`${templates}/`) && !path.slice(templates.length + 1).includes('/');
  return path === CONFIG_FILE_NAME || (TEMPLATE_FILE.test(path) && inTemplates);
}

/** The options of the core's analysis and commands for a project; ATT&CK comes from the product, not the project. */
export function analysisOptions(project: Project, now: Date, attack: AttackCatalog | undefined): AnalysisOptions {
  const { rules, notApplicableReason, defang } = project.config;
  return { templates: project.templates, rules, now, notApplicableReason, defangStyle: defang, ...(attack && { attack }) };
}

async function readFile(files: ProjectFiles, path: string, rule: RuleId): Promise<{ text?: string; problem?: Diagnostic } | undefined> {
  try {
    const text = await files.readText(path);
    return text === undefined ? undefined : { text };
  } catch (error) {
    return { problem: diagnostic(rule, { start: 0, end: 0 }, `The file cannot be read: ${error instanceof Error ? error.message : String(error)}`) };
  }
}
