import { minimatch } from 'minimatch';
import { diagnostic, RULE_IDS } from '../diagnostics';
import { configSchema, type ConfigFile } from '../schemas';
import type { Diagnostic, SeveritySetting } from '../types';
import { parseYamlWithSchema } from '../parse/yamlDocument';

export const CONFIG_FILE_NAME = '.incident-report.yaml';

export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Workspace-relative folder of workspace templates. */
  readonly templates: string;
  /** Globs (workspace-relative) of Markdown files that are reports whatever their content. */
  readonly files: readonly string[];
  /** Workspace-relative folder new reports go to. */
  readonly folder: string;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  templates: '.incident-reports/templates',
  files: ['**/incidents/**/*.md'],
  folder: 'incidents',
};

export function parseConfigFile(text: string): { config: ConfigFile; diagnostics: Diagnostic[] } {
  const parsed = parseYamlWithSchema(text, 0, configSchema, { syntax: 'config.invalid', invalid: 'config.invalid', unknownKey: 'config.invalid' });
  const diagnostics = [...parsed.diagnostics];
  const raw = parsed.raw as { rules?: unknown } | null;
  const rules = raw?.rules && typeof raw.rules === 'object' ? Object.keys(raw.rules) : [];
  for (const rule of rules) {
    if ((RULE_IDS as string[]).includes(rule)) continue;
    const at = Math.max(0, text.indexOf(rule));
    diagnostics.push(diagnostic('config.invalid', { start: at, end: at + rule.length }, `Unknown rule "${rule}"`));
  }
  return { config: parsed.entries, diagnostics };
}

/** Settings from the editor, overridden by the workspace's `.incident-report.yaml` so that the CLI and the editor agree. */
export function resolveConfig(settings: Partial<ResolvedConfig>, file?: ConfigFile): ResolvedConfig {
  return {
    rules: { ...DEFAULT_CONFIG.rules, ...settings.rules, ...file?.rules },
    templates: file?.templates ?? settings.templates ?? DEFAULT_CONFIG.templates,
    files: file?.files ?? settings.files ?? DEFAULT_CONFIG.files,
    folder: file?.folder ?? settings.folder ?? DEFAULT_CONFIG.folder,
  };
}

export function matchesReportGlobs(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return globs.some((glob) => minimatch(path, glob, { dot: true, nocase: true }));
}

/** A workspace-relative folder as a glob prefix: "./.incident-reports/templates/" is ".incident-reports/templates". */
export function relativeFolder(path: string): string {
  let start = path.startsWith('./') ? 2 : 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}
