// ESLint for the TypeScript sources, tests and scripts: typescript-eslint's recommended rules, run by `npm run lint`
// (part of `npm test`).
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test*/**', 'test-results/**', '.scratch/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are compile errors already (noUnusedLocals); `_` marks a parameter an interface requires.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  // zod/mini imported as a namespace is tree-shaken down to what the schemas use (about 30 KB of each bundle);
  // zod classic, or `import { z }` (an object holding all of zod), puts about 190 KB in each.
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { name: 'zod', message: "Use import * as z from 'zod/mini'." }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']", message: "Use import * as z from 'zod/mini'." },
      ],
    },
  },
  { files: ['*.mjs', 'scripts/**', 'test/**'], ignores: ['test/integration/process-shim.js'], languageOptions: { globals: { ...globals.node } } },
  // Terminal output is checked for escape sequences and control characters on purpose.
  { files: ['src/cli/color.ts', 'test/cli/**'], rules: { 'no-control-regex': 'off' } },
  { files: ['**/*.cjs', 'test/integration/process-shim.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests build broken data on purpose.
  { files: ['test/ui/**', 'test/**/*.test.ts'], languageOptions: { globals: { ...globals.mocha } }, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['test/integration/process-shim.js'], languageOptions: { globals: { ...globals.browser } } },
  // UI tests hand functions to the workbench page, where they run in the browser.
  { files: ['test/ui/**'], languageOptions: { globals: { document: 'readonly', window: 'readonly' } } },
);
