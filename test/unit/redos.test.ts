import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import * as ts from 'typescript';
import { ROOT } from './helpers';

interface Literal {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Every regular expression literal, and every `new RegExp('…')` with literal arguments, in the TypeScript files under `folder`. */
function regexLiterals(folder: string): Literal[] {
  const found: Literal[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const last = node.text.lastIndexOf('/');
        found.push({ where: where(node), source: node.text.slice(1, last), flags: node.text.slice(last + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        const [source, flags] = node.arguments ?? [];
        assert.ok(source && ts.isStringLiteralLike(source), `${where(node)}: a RegExp built from a non-literal cannot be checked; use a literal`);
        found.push({ where: where(node), source: source.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

suite('regular expressions', () => {
  test('every regular expression in src/ runs in linear time (recheck finds no super-linear backtracking)', function () {
    // recheck's time is CPU time on a shared machine: generous limits, so that a loaded machine is no finding.
    this.timeout(600_000);
    const literals = regexLiterals(join(ROOT, 'src'));
    assert.ok(literals.length > 50, `only ${literals.length} found: is the scan broken?`);
    const unsafe = literals
      .map((literal) => ({ literal, result: checkSync(literal.source, literal.flags, { timeout: 60_000, randomSeed: 8 }) }))
      .filter(({ result }) => result.status !== 'safe')
      .map(({ literal, result }) => `${literal.where} /${literal.source}/${literal.flags}: ${result.status}${result.status === 'vulnerable' ? ` (${result.complexity.type}, e.g. ${JSON.stringify(result.attack.pattern)})` : ''}`);
    assert.deepEqual(unsafe, []);
  });
});
