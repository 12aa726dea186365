import * as assert from 'node:assert/strict';
import { RULE_IDS, ruleDocsUrl } from '../../src/core/diagnostics';
import { readProjectFile } from './helpers';

const readme = readProjectFile('README.md');
const manifest = JSON.parse(readProjectFile('package.json'));
const nls = JSON.parse(readProjectFile('package.nls.json'));

suite('documentation and manifest stay true', () => {
  test('every rule has a README heading that its docs link reaches, and a severity setting', () => {
    const anchors = new Set([...readme.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9-]/g, '')));
    const settable = Object.keys(manifest.contributes.configuration.properties['incidentReport.rules'].properties);
    for (const id of RULE_IDS) {
      assert.ok(anchors.has(ruleDocsUrl(id).split('#')[1]), `README has no heading for ${id}`);
      assert.ok(settable.includes(id), `incidentReport.rules does not list ${id}`);
    }
    assert.equal(settable.length, RULE_IDS.length);
  });

  test('every command is titled, categorised and documented', () => {
    for (const command of manifest.contributes.commands) {
      const title = nls[command.title.slice(1, -1)];
      assert.ok(title, `${command.command} has no title`);
      assert.equal(command.category, '%category%');
      assert.ok(readme.includes(`**${title}**`), `README does not document "${title}"`);
    }
  });

  test('every setting is described and documented', () => {
    for (const [key, setting] of Object.entries<{ markdownDescription?: string }>(manifest.contributes.configuration.properties)) {
      assert.ok(setting.markdownDescription && nls[setting.markdownDescription.slice(1, -1)], `${key} has no description`);
      assert.ok(readme.includes(`\`${key}\``), `README does not document ${key}`);
    }
  });
});
