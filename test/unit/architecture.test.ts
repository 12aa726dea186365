import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { builtinTemplates } from '../../src/core/template/registry';
import type { TemplateSection } from '../../src/core/template/schema';
import { ROOT, sourceFiles } from './helpers';

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The texts of the string literals and template literal parts of a file, with their lines. */
function strings(file: ts.SourceFile): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Module specifiers of every import and re-export, type-only ones included. */
function importsOf(file: ts.SourceFile): string[] {
  return file.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
}

suite('architecture', () => {
  test('no section or field title of a built-in template appears in the core\'s code: meaning comes from roles', () => {
    const single = new Set<string>();
    const phrases = new Set<string>();
    const add = (name: string) => (name.includes(' ') ? phrases.add(name.toLowerCase()) : single.add(name));
    const visit = (sections: readonly TemplateSection[]) => {
      for (const section of sections) {
        [section.title, ...section.aliases].forEach(add);
        for (const field of section.fields) [field.name, ...field.aliases].forEach(add);
        visit(section.sections);
      }
    };
    for (const { template } of builtinTemplates()) visit(template.sections);
    assert.ok(phrases.has('timeline of events') && single.has('Impact'), 'the titles were collected');
    const offending: string[] = [];
    for (const path of sourceFiles('src/core')) {
      for (const { text, line } of strings(parse(path))) {
        const lower = text.toLowerCase();
        const hit = single.has(text.trim()) ? text.trim() : [...phrases].find((phrase) => lower.includes(phrase));
        if (hit) offending.push(`${relative(ROOT, path)}:${line} names "${hit}"`);
      }
    }
    assert.deepEqual(offending, []);
  });

  test('there are no import cycles in src/, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const path of sourceFiles('src')) {
      const resolved = importsOf(parse(path))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => {
          const base = join(path, '..', specifier);
          return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => graph.has(candidate) || sourceFiles('src').includes(candidate)) ?? base;
        });
      graph.set(path, resolved);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'visiting');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map((file) => relative(ROOT, file)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    assert.deepEqual(cycles, []);
  });

  test('the core imports neither vscode, nor Node, nor the layers above it', () => {
    const offending: string[] = [];
    for (const path of sourceFiles('src/core')) {
      for (const specifier of importsOf(parse(path))) {
        const outside = specifier.startsWith('.') && !join(path, '..', specifier).startsWith(join(ROOT, 'src', 'core'));
        if (specifier === 'vscode' || specifier.startsWith('node:') || outside) offending.push(`${relative(ROOT, path)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});
