import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeReport, type Analysis, type AnalysisOptions } from '../../src/core/analysis/analyze';
import { applyEdits } from '../../src/core/edits/apply';
import { builtinTemplates, TemplateRegistry } from '../../src/core/template/registry';
import { resolveTemplates, type LoadedTemplate } from '../../src/core/template/resolve';
import { parseTemplateFile } from '../../src/core/template/templateFile';
import { loadProject, type Project } from '../../src/core/project/loader';
import type { Diagnostic, Fix } from '../../src/core/diagnostics';

/** The project's folder: the nearest one above this bundle with a package.json (tests and scripts bundle this file at different depths). */
export const ROOT = projectRoot(__dirname);

function projectRoot(folder: string): string {
  return existsSync(join(folder, 'package.json')) || dirname(folder) === folder ? folder : projectRoot(dirname(folder));
}
export const NOW = new Date('2026-11-23T12:00:00Z');

/** Every `.ts` file under a folder of the project. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function readProjectFile(...path: string[]): string {
  return readFileSync(join(ROOT, ...path), 'utf8');
}

export function analyze(text: string, options: Partial<AnalysisOptions> = {}): Analysis {
  return analyzeReport(text, { templates: new TemplateRegistry(), now: NOW, ...options });
}

export function rulesOf(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.rule);
}

export function only(analysis: Analysis, rule: string): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.rule === rule);
}

/** The one diagnostic of a rule; fails when there are none or several. */
export function single(analysis: Analysis, rule: string): Diagnostic {
  const found = only(analysis, rule);
  assert.equal(found.length, 1, `expected one ${rule}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return found[0];
}

export function fixTitled(diagnostic: Diagnostic, title: string | RegExp): Fix {
  const fix = diagnostic.fixes?.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix "${title}" among ${diagnostic.fixes?.map((f) => f.title).join(', ')}`);
  return fix;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The text at a diagnostic's range. */
export function textAt(analysis: Analysis, diagnostic: Diagnostic): string {
  return analysis.report.text.slice(diagnostic.range.start, diagnostic.range.end);
}

/** A complete, valid security report; tests break one thing at a time. */
export const VALID_REPORT = readProjectFile('examples', 'incidents', '2023-11-23-cloudflare-atlassian-breach.md');

/** A project loaded by the real loader from files given as texts (workspace-relative paths). */
export function loadTestProject(files: Readonly<Record<string, string>>): Promise<Project> {
  return loadProject({
    readText: async (path) => files[path],
    list: async (folder) => Object.keys(files).filter((path) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/')).map((path) => path.slice(folder.length + 1)),
  });
}

/** A template written as YAML, resolved against the built-in ones as the loader does; throws when it is invalid. */
export function templateFromYaml(yaml: string, source = 'file:///workspace/.incident-reports/templates/test.yaml'): LoadedTemplate {
  const { file, diagnostics } = parseTemplateFile(yaml);
  if (!file) throw new Error(`Test template is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  const { templates, problems } = resolveTemplates([{ file, source }], builtinTemplates());
  if (problems.length > 0) throw new Error(`Test template is invalid: ${problems.map((p) => p.diagnostic.message).join('; ')}`);
  return templates[0];
}
