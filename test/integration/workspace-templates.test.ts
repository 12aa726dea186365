import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, closeAllEditors, hasRule, openInEditor, waitForDiagnostics, workspaceUri, writeWorkspaceFile } from './helpers';

const TEMPLATE_FILE = '.incident-reports/templates/tabletop-exercise.yaml';
const TEMPLATE = `id: tabletop-exercise
name: Tabletop exercise
kind: operational
sections:
  - title: Scenario
    required: true
    placeholder: What the exercise simulated
  - title: Findings
    required: true
    placeholder: What the team learned
`;

suite('Workspace templates', () => {
  teardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(TEMPLATE_FILE), { useTrash: false }).then(undefined, () => undefined);
  });

  test('a template added under .incident-reports/templates/ is picked up', async () => {
    const report = await writeWorkspaceFile('scratch/tabletop.md', '---\ntemplate: tabletop-exercise\n---\n# Incident Report: Spring drill\n\n## Scenario\n\nA ransomware drill.\n\n## Findings\n\nThe runbook was out of date.\n');
    await openInEditor(report);
    await waitForDiagnostics(report, hasRule('template.unknown'), 'template.unknown before the template exists');

    await writeWorkspaceFile(TEMPLATE_FILE, TEMPLATE);
    await waitForDiagnostics(report, (found) => found.length === 0, 'the report to follow the new template');

    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.newReport, { templateId: 'tabletop-exercise', title: 'Autumn drill' });
    assert.ok(created, 'New Report accepts the new template id');
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, /^## Scenario$/m);
    assert.match(text, /^## Findings$/m);
  });
});
