import { Minimatch } from 'minimatch';
import { diagnostic, type Diagnostic, RULE_IDS, SEVERITY_SETTINGS, type SeveritySetting } from '../diagnostics';
import * as z from 'zod/mini';
import { DEFAULT_NOT_APPLICABLE_REASON } from '../parse/notApplicable';
import { parseYamlWithSchema } from '../parse/yamlDocument';
import { DEFANG_ATS, DEFANG_DOTS, DEFAULT_DEFANG_STYLE, type DefangStyle } from '../security/indicators';

export const CONFIG_FILE_NAME = '.incident-report.yaml';

export const configSchema = z.strictObject({
  rules: z.optional(z.record(z.string(), z.enum(SEVERITY_SETTINGS))).check(z.describe('Severity of each rule by id, or "off".')),
  templates: z.optional(z.string()).check(z.describe('Folder of workspace templates, relative to the workspace root.')),
  files: z.optional(z.array(z.string())).check(z.describe('Globs of Markdown files that are reports.')),
  folder: z.optional(z.string()).check(z.describe('Folder new reports are created in.')),
  notApplicableReason: z
    .optional(z.string().check(z.minLength(1)))
    .check(z.describe('The reason the N/A commands and fixes write, as in "N/A (reason)".')),
  defang: z
    .optional(
      z.strictObject({
        dot: z.optional(z.enum(DEFANG_DOTS)).check(z.describe('What a dot of a host becomes (default "[.]").')),
        at: z.optional(z.enum(DEFANG_ATS)).check(z.describe('What the "@" of an e-mail address becomes (default "[@]").')),
      }),
    )
    .check(z.describe('How the Defang Indicators command and the ioc.live fix write indicators; every form is read either way.')),
}).check(z.describe('Incident Report Studio configuration (.incident-report.yaml).'));
export type ConfigFile = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Workspace-relative folder of workspace templates. */
  readonly templates: string;
  /** Globs (workspace-relative) of Markdown files that are reports whatever their content. */
  readonly files: readonly string[];
  /** Workspace-relative folder new reports go to. */
  readonly folder: string;
  /** The reason the N/A commands and fixes write. */
  readonly notApplicableReason: string;
  /** How indicators are defanged. */
  readonly defang: DefangStyle;
}

const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  templates: '.incident-reports/templates',
  files: ['**/incidents/**/*.md'],
  folder: 'incidents',
  notApplicableReason: DEFAULT_NOT_APPLICABLE_REASON,
  defang: DEFAULT_DEFANG_STYLE,
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
    notApplicableReason: file?.notApplicableReason?.trim() || settings.notApplicableReason?.trim() || DEFAULT_CONFIG.notApplicableReason,
    defang: { ...DEFAULT_CONFIG.defang, ...settings.defang, ...file?.defang },
  };
}

/** A folder's README or index is about the folder: never a report by the globs alone (its content may still make it one). */
const FOLDER_PAGES = new Set(['readme.md', 'index.md']);

export function matchesReportGlobs(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  if (FOLDER_PAGES.has(path.slice(path.lastIndexOf('/') + 1).toLowerCase())) return false;
  return globs.some((glob) => compiledGlob(glob).match(path));
}

/** A project has a few globs and thousands of files: each glob is compiled once (compiling was most of a match). */
const compiledGlobs = new Map<string, Minimatch>();

function compiledGlob(glob: string): Minimatch {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
    compiledGlobs.set(glob, (compiled = new Minimatch(glob, { dot: true, nocase: true })));
  }
  return compiled;
}

/** Globs change only with a configuration; the cap only keeps a long session's edits of them from piling up. */
const MAX_COMPILED_GLOBS = 256;

/** Folders never searched for reports, by the CLI or by Validate All Reports. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/**
 * Whether a workspace-relative file is looked at when reports are searched for: a Markdown file, or one the
 * report globs name. Whether it is a report then depends on the globs or its content (`analyzeIfReport`).
 */
export function isReportCandidate(relativePath: string, config: Pick<ResolvedConfig, 'files'>): boolean {
  const path = relativePath.replace(/\\/g, '/');
  if (path.split('/').some((part) => SKIPPED_FOLDERS.includes(part))) return false;
  return /\.md$/i.test(path) || matchesReportGlobs(path, config.files);
}

/** A workspace-relative folder as a glob prefix: "./.incident-reports/templates/" is ".incident-reports/templates". */
export function relativeFolder(path: string): string {
  let start = path.startsWith('./') ? 2 : 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}
