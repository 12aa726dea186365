import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_IDS, ruleDocsUrl, RULES } from '../../src/core/diagnostics';
import { CLEAN_REPORT, ERROR_REPORT, WARNING_REPORT } from './fixtures';
import { assertNoCrash, cli, TempFolder } from './helpers';
import { sarifValidator } from './schemaValidators';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
}
interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
}

const INFORMATION_REPORT = CLEAN_REPORT.replace('timezone: UTC\n', '').replace('2024-03-14 09:40 UTC', '2024-03-14 09:40');
const HINT_REPORT = CLEAN_REPORT.replace(/^---\n[\s\S]*?\n---\n/, '');

function sarif(args: string[], cwd: string): { status: number | null; log: { version: string; runs: SarifRun[] } } {
  const run = cli(['lint', '--format', 'sarif', ...args], cwd);
  assertNoCrash(run);
  return { status: run.status, log: JSON.parse(run.stdout) };
}

suite('lint --format sarif', () => {
  let folder: TempFolder;
  setup(() => {
    folder = new TempFolder({
      'repo/incidents/error.md': ERROR_REPORT,
      'repo/incidents/warning.md': WARNING_REPORT,
      'repo/incidents/information.md': INFORMATION_REPORT,
      'repo/incidents/hint.md': HINT_REPORT,
      'repo/incidents/with space.md': WARNING_REPORT,
    });
  });
  teardown(() => folder.dispose());

  test('validates against the official SARIF 2.1.0 schema', () => {
    const { status, log } = sarif([], join(folder.path, 'repo'));
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(status, 1);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
  });

  test('the schema check fails on a log that breaks it', () => {
    const { log } = sarif([], join(folder.path, 'repo'));
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(sarifValidator()(broken), false);
  });

  test('the driver names the tool and every rule with its description and help', () => {
    const { log } = sarif([], join(folder.path, 'repo'));
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'incident-report');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.helpUri]),
      RULE_IDS.map((id) => [id, RULES[id].description, ruleDocsUrl(id)]),
    );
    for (const result of log.runs[0].results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
  });

  test('levels: error to error, warning to warning, information and hint to note', () => {
    const { log } = sarif([], join(folder.path, 'repo'));
    const levels = new Map(log.runs[0].results.map((result) => [result.ruleId, result.level]));
    assert.equal(levels.get('section.missing'), 'error');
    assert.equal(levels.get('content.todo'), 'warning');
    assert.equal(levels.get('timeline.missing-timezone'), 'note');
    assert.equal(levels.get('frontmatter.missing'), 'note');
  });

  test('regions are the 1-based positions of the json format', () => {
    const cwd = join(folder.path, 'repo');
    const { log } = sarif([], cwd);
    const json = JSON.parse(cli(['lint', '--format', 'json'], cwd).stdout) as { files: { file: string; diagnostics: { rule: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[] };
    const fromJson = json.files.flatMap((file) =>
      file.diagnostics.map((d) => [encodeURI(file.file), d.rule, d.message, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }]),
    );
    const fromSarif = log.runs[0].results.map((result) => {
      const location = result.locations[0].physicalLocation;
      return [location.artifactLocation.uri, result.ruleId, result.message.text, location.region];
    });
    assert.ok(fromSarif.length >= 5);
    assert.deepEqual(fromSarif, fromJson);
  });

  test('file URIs are relative to --base under %SRCROOT%, the current folder by default', () => {
    const repo = join(folder.path, 'repo');
    const byDefault = sarif([], repo).log.runs[0];
    assert.deepEqual(byDefault.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
    const uris = new Set(byDefault.results.map((result) => JSON.stringify(result.locations[0].physicalLocation.artifactLocation)));
    assert.ok(uris.has(JSON.stringify({ uri: 'incidents/error.md', uriBaseId: '%SRCROOT%' })), [...uris].join('\n'));
    assert.ok(uris.has(JSON.stringify({ uri: 'incidents/with%20space.md', uriBaseId: '%SRCROOT%' })), [...uris].join('\n'));

    const fromSubfolder = sarif(['--base', '..'], join(repo, 'incidents')).log.runs[0];
    assert.deepEqual(fromSubfolder.originalUriBaseIds, byDefault.originalUriBaseIds);
    assert.deepEqual(fromSubfolder.results, byDefault.results);
  });

  test('a file outside --base gets an absolute file URI', () => {
    const repo = join(folder.path, 'repo');
    folder.write('outside.md', ERROR_REPORT);
    const { log } = sarif(['--base', 'incidents', '../outside.md', 'incidents/error.md'], repo);
    const locations = log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(locations, [{ uri: pathToFileURL(join(folder.path, 'outside.md')).href }, { uri: 'error.md', uriBaseId: '%SRCROOT%' }]);
    assert.ok(sarifValidator()(log));
  });
});
