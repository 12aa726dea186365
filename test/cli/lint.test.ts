import * as assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lintOutputSchema, type LintOutput } from '../../src/core/output/exportSchema';
import { CLEAN_REPORT, ERROR_REPORT, NOTES, WARNING_REPORT } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';

/** `lint --format json` in the folder, checked against the output's schema. */
function lintJson(folder: TempFolder, args: string[] = []): { status: number | null; output: LintOutput; stderr: string } {
  const run = cli(['lint', '--format', 'json', ...args], folder.path);
  assertNoCrash(run);
  return { status: run.status, output: lintOutputSchema.parse(JSON.parse(run.stdout)), stderr: run.stderr };
}

const filesOf = (output: LintOutput) => output.files.map((file) => file.file);
const rulesOf = (output: LintOutput, file: string) => output.files.find((entry) => entry.file === file)?.diagnostics.map((d) => d.rule);

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

suite('lint: exit codes and formats', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('exits 0 and says so when every report is clean', () => {
    folder = new TempFolder({ 'incidents/clean.md': CLEAN_REPORT });
    const run = cli(['lint'], folder.path);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '✔ 1 report checked, no problems\n');
    assert.equal(run.stderr, '');
  });

  test('exits 1 on an error and prints it in the stylish format, without colour on a pipe', () => {
    folder = new TempFolder({ 'incidents/broken.md': ERROR_REPORT, 'incidents/clean.md': CLEAN_REPORT });
    const run = cli(['lint'], folder.path);
    assert.equal(run.status, 1);
    const { line } = positionOf(ERROR_REPORT, '# Incident Report');
    assert.match(run.stdout, /^incidents\/broken\.md\n/);
    assert.match(run.stdout, new RegExp(`^  ${line}:1  error  Missing required section "Recommendations"  section\\.missing$`, 'm'));
    assert.match(run.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 info\) · 2 reports checked\n$/);
    assert.doesNotMatch(run.stdout, /clean\.md/);
    assert.doesNotMatch(run.stdout, /\x1b\[/);
  });

  test('warnings alone exit 0; --max-warnings exits 1 only above the limit', () => {
    folder = new TempFolder({ 'incidents/a.md': WARNING_REPORT, 'incidents/b.md': WARNING_REPORT });
    assert.equal(cli(['lint'], folder.path).status, 0);
    assert.equal(cli(['lint', '--max-warnings', '2'], folder.path).status, 0);
    const over = cli(['lint', '--max-warnings', '1', '--format', 'json'], folder.path);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'incident-report lint: 2 warnings, more than --max-warnings 1\n');
    assert.equal(lintOutputSchema.parse(JSON.parse(over.stdout)).files.length, 2);
  });

  test('json: every report with its kind and 1-based positions', () => {
    folder = new TempFolder({ 'incidents/warned.md': WARNING_REPORT, 'incidents/clean.md': CLEAN_REPORT });
    const { status, output } = lintJson(folder);
    assert.equal(status, 0);
    const todo = positionOf(WARNING_REPORT, 'TODO');
    assert.deepEqual(output, {
      files: [
        { file: 'incidents/clean.md', kind: 'operational', diagnostics: [] },
        {
          file: 'incidents/warned.md',
          kind: 'operational',
          diagnostics: [
            { rule: 'content.todo', severity: 'warning', message: 'TODO left in the report', line: todo.line, column: todo.column, endLine: todo.line, endColumn: todo.column + 4 },
          ],
        },
      ],
    });
  });

  test('usage errors exit 2 with one line on stderr and nothing on stdout', () => {
    folder = new TempFolder({ 'incidents/clean.md': CLEAN_REPORT });
    for (const [args, pattern] of [
      [['--format', 'xml'], /--format must be one of stylish, json, sarif, not "xml"/],
      [['--max-warnings', 'many'], /--max-warnings takes a whole number, not "many"/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
    ] as const) {
      const run = cli(['lint', ...args], folder.path);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, pattern);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    }
  });
});

suite('lint: which files', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('by default: files under the report globs, reports by their content elsewhere, no other Markdown', () => {
    folder = new TempFolder({
      'incidents/2024/notes.md': NOTES,
      'docs/postmortem.md': WARNING_REPORT,
      'docs/readme.md': NOTES,
      'docs/report.txt': ERROR_REPORT,
      'node_modules/pkg/incidents/x.md': ERROR_REPORT,
      '.git/incidents/x.md': ERROR_REPORT,
    });
    const { status, output } = lintJson(folder);
    assert.deepEqual(filesOf(output), ['docs/postmortem.md', 'incidents/2024/notes.md']);
    assert.ok(rulesOf(output, 'incidents/2024/notes.md')?.includes('section.missing'));
    assert.equal(status, 1);
  });

  test('the files globs of .incident-report.yaml replace the default ones', () => {
    folder = new TempFolder({
      '.incident-report.yaml': 'files: ["postmortems/**/*.markdown"]\n',
      'postmortems/p.markdown': NOTES,
      'incidents/notes.md': NOTES,
    });
    assert.deepEqual(filesOf(lintJson(folder).output), ['postmortems/p.markdown']);
  });

  test('rules of .incident-report.yaml change severities and turn rules off', () => {
    folder = new TempFolder({ '.incident-report.yaml': 'rules:\n  content.todo: error\n  section.missing: "off"\n', 'incidents/warned.md': WARNING_REPORT, 'incidents/broken.md': ERROR_REPORT });
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    assert.deepEqual(rulesOf(output, 'incidents/broken.md'), []);
    assert.deepEqual(output.files.find((file) => file.file === 'incidents/warned.md')?.diagnostics.map((d) => [d.rule, d.severity]), [['content.todo', 'error']]);
  });

  test('problems of .incident-report.yaml are listed and fail the run', () => {
    folder = new TempFolder({ '.incident-report.yaml': 'rules:\n  no.such-rule: error\n', 'incidents/clean.md': CLEAN_REPORT });
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    assert.deepEqual(output.files[0], {
      file: '.incident-report.yaml',
      kind: null,
      diagnostics: [{ rule: 'config.invalid', severity: 'error', message: 'Unknown rule "no.such-rule"', line: 2, column: 3, endLine: 2, endColumn: 15 }],
    });
  });

  // zod/mini has no messages of its own: the CLI bundle must load zod's English locale (a unit test cannot tell, since
  // another test bundle in the same process loads zod classic, which loads it for everyone).
  test("zod's messages for invalid values of .incident-report.yaml are in English", () => {
    folder = new TempFolder({ '.incident-report.yaml': 'folder: 2\nnotApplicableReason: ""\n', 'incidents/clean.md': CLEAN_REPORT });
    const { output } = lintJson(folder);
    assert.deepEqual(output.files[0].diagnostics.map((d) => d.message), [
      '"folder": Invalid input: expected string, received number',
      '"notApplicableReason": Too small: expected string to have >=1 characters',
    ]);
  });

  test('broken YAML in .incident-report.yaml is a problem, and the defaults apply', () => {
    folder = new TempFolder({ '.incident-report.yaml': 'rules: [\n', 'incidents/warned.md': WARNING_REPORT });
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    assert.deepEqual(filesOf(output), ['.incident-report.yaml', 'incidents/warned.md']);
    assert.deepEqual(rulesOf(output, '.incident-report.yaml'), ['config.invalid']);
    assert.deepEqual(rulesOf(output, 'incidents/warned.md'), ['content.todo']);
  });

  test('templates of the configured folder are used, and an invalid template file is listed', () => {
    const template = 'id: postmortem\nname: Postmortem\nkind: operational\nsections:\n  - title: What Happened\n    required: true\n';
    const report = (body: string) => `---\ntemplate: postmortem\n---\n# Incident Report: Short\n\n${body}`;
    folder = new TempFolder({
      '.incident-report.yaml': 'templates: team/templates\n',
      'team/templates/postmortem.yaml': template,
      'team/templates/broken.yml': 'id: Not Valid\n',
      'incidents/complete.md': report('## What Happened\n\nThe disk filled up.\n'),
      'incidents/incomplete.md': report('## Something Else\n\nText.\n'),
    });
    const { output } = lintJson(folder);
    assert.deepEqual(filesOf(output), ['team/templates/broken.yml', 'incidents/complete.md', 'incidents/incomplete.md']);
    assert.ok(rulesOf(output, 'team/templates/broken.yml')?.every((rule) => rule === 'template.invalid'));
    assert.deepEqual(rulesOf(output, 'incidents/complete.md'), []);
    assert.ok(output.files[2].diagnostics.some((d) => d.message === 'Missing required section "What Happened"'));
  });

  test('a file named on the command line is checked as a report, wherever it is and whatever it says', () => {
    folder = new TempFolder({ 'notes/meeting.md': NOTES, 'incidents/broken.md': ERROR_REPORT });
    const named = lintJson(folder, ['notes/meeting.md']);
    assert.deepEqual(filesOf(named.output), ['notes/meeting.md']);
    assert.ok(rulesOf(named.output, 'notes/meeting.md')?.includes('section.missing'));
    assert.equal(named.status, 1);
    const inFolder = lintJson(folder, ['notes']);
    assert.deepEqual(inFolder.output, { files: [] });
    assert.equal(inFolder.status, 0);
  });

  test('a glob selects files under the same rule as a folder; a glob that matches nothing is a usage error', () => {
    folder = new TempFolder({ 'docs/a/postmortem.md': WARNING_REPORT, 'docs/readme.md': NOTES, 'incidents/broken.md': ERROR_REPORT });
    const globbed = lintJson(folder, ['docs/**/*.md']);
    assert.deepEqual(filesOf(globbed.output), ['docs/a/postmortem.md']);
    assert.equal(globbed.status, 0);
    const none = cli(['lint', 'archive/**/*.md'], folder.path);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'incident-report lint: no files match "archive/**/*.md"\n');
  });

  test('a file that cannot be read exits 2 with one line naming it, after checking the others', () => {
    folder = new TempFolder({ 'incidents/fine.md': CLEAN_REPORT });
    symlinkSync(join(folder.path, 'nowhere.md'), join(folder.path, 'incidents', 'dangling.md'));
    const { status, output, stderr } = lintJson(folder);
    assert.equal(status, 2);
    assert.equal(stderr, 'incident-report: cannot read incidents/dangling.md: no such file\n');
    assert.deepEqual(filesOf(output), ['incidents/fine.md']);

    const named = cli(['lint', 'incidents/fine.md', 'missing.md'], folder.path);
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'incident-report: cannot read missing.md: no such file\n');
  });

  test('a folder of 200 reports', () => {
    const files: Record<string, string> = {};
    const kinds = [CLEAN_REPORT, WARNING_REPORT, ERROR_REPORT, CLEAN_REPORT];
    for (let i = 0; i < 200; i++) files[`incidents/${String(i).padStart(3, '0')}.md`] = kinds[i % 4].replace('Checkout outage', `Checkout outage ${i}`);
    folder = new TempFolder(files);
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    assert.equal(output.files.length, 200);
    assert.deepEqual(filesOf(output).slice(0, 2), ['incidents/000.md', 'incidents/001.md']);
    const withRule = (rule: string) => output.files.filter((file) => file.diagnostics.some((d) => d.rule === rule)).length;
    assert.equal(withRule('section.missing'), 50);
    assert.equal(withRule('content.todo'), 50);
    assert.equal(output.files.filter((file) => file.diagnostics.length === 0).length, 100);
    assert.match(cli(['lint'], folder.path).stdout, /✖ 100 problems \(50 errors, 50 warnings, 0 info\) · 200 reports checked\n$/);
  });
});

suite('lint: bad input', () => {
  let folder: TempFolder;
  teardown(() => folder.dispose());

  test('binary content under the report globs cannot be read; elsewhere it is no report', () => {
    const junk = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256));
    folder = new TempFolder({ 'incidents/junk.md': junk, 'docs/junk.md': junk, 'incidents/fine.md': CLEAN_REPORT });
    const { status, output, stderr } = lintJson(folder);
    assert.equal(status, 2);
    assert.equal(stderr, 'incident-report: cannot read incidents/junk.md: not a text file (it contains NUL bytes)\n');
    assert.deepEqual(filesOf(output), ['incidents/fine.md']);
  });

  test('bytes that are not UTF-8 are read as replacement characters and checked', () => {
    folder = new TempFolder({ 'incidents/latin1.md': Buffer.from(Array.from({ length: 5_000 }, (_, i) => 0x80 + (i % 128))) });
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    assert.ok(rulesOf(output, 'incidents/latin1.md')?.includes('section.missing'));
  });

  test('a 5 MB report is validated in full', () => {
    const big = CLEAN_REPORT.replace('## Response Actions\n', `## Response Actions\n\n${'- 2024-03-14 10:00 UTC — a log line kept in the report\n'.repeat(100_000)}TODO\n`);
    assert.ok(big.length > 5_000_000);
    folder = new TempFolder({ 'incidents/big.md': big });
    const { status, output } = lintJson(folder);
    assert.equal(status, 0);
    assert.deepEqual(rulesOf(output, 'incidents/big.md'), ['content.todo']);
  });

  test('broken YAML front matter is an error on its line', () => {
    folder = new TempFolder({ 'incidents/yaml.md': CLEAN_REPORT.replace('status: final', 'status: [final') });
    const { status, output } = lintJson(folder);
    assert.equal(status, 1);
    const syntax = output.files[0].diagnostics.find((d) => d.rule === 'frontmatter.syntax');
    assert.ok(syntax, JSON.stringify(output));
    assert.ok(syntax.line >= 4 && syntax.line <= 5, `line ${syntax.line}`);
  });

  test('CRLF line ends and a BOM change nothing but the columns after the BOM', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    folder = new TempFolder({ 'incidents/clean.md': `\uFEFF${crlf(CLEAN_REPORT)}`, 'incidents/warned.md': crlf(WARNING_REPORT) });
    const { status, output } = lintJson(folder);
    assert.equal(status, 0);
    assert.deepEqual(rulesOf(output, 'incidents/clean.md'), []);
    const todo = positionOf(WARNING_REPORT, 'TODO');
    assert.deepEqual(
      output.files[1].diagnostics.map((d) => [d.rule, d.line, d.column, d.endLine]),
      [['content.todo', todo.line, todo.column, todo.line]],
    );
  });

  test('control characters from a report never reach the terminal', () => {
    folder = new TempFolder({ 'incidents/escape.md': CLEAN_REPORT.replace('template: operational-outage', 'template: "evil\\e[2J\\a"') });
    const run = cli(['lint'], folder.path);
    assertNoCrash(run);
    assert.match(run.stdout, /Unknown template "evil\uFFFD\[2J\uFFFD"/);
    assert.doesNotMatch(run.stdout, /[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
