import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Services } from '../../src/extension/services';
import type { TimelinePreviewApi } from '../../src/extension/timelinePreview';
import type { HostMessage } from '../../src/shared/timelineMessages';
import { COMMANDS, EXTENSION_ID, closeAllEditors, hasRule, openInEditor, waitForDiagnostics, waitUntil, workspaceUri, writeWorkspaceFile } from './helpers';

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

/** A team's own titles: the timeline comes from the roles alone. */
const ROLES_TEMPLATE_FILE = '.incident-reports/templates/chronicle.yaml';
const ROLES_TEMPLATE = `id: chronicle
name: Chronicle
kind: operational
title: "Chronicle: {title}"
sections:
  - title: Key Facts
    role: details
    fields:
      - { name: Began, type: date, role: incident-start }
      - { name: Noticed, type: date, role: discovery }
  - title: Chronology
    role: timeline
  - title: Mitigation
    role: response
    fields:
      - { name: Getting back, role: recovery }
`;
const ROLES_REPORT = `---
template: chronicle
---
# Chronicle: Queue backlog

## Key Facts

- **Began:** 2024-09-02 07:10 UTC
- **Noticed:** 2024-09-02 07:40 UTC

## Chronology

- 2024-09-02 07:55 UTC — consumers scaled out

## Mitigation

- **Getting back:** backlog drained at 2024-09-02 09:10 UTC
`;

suite('Workspace templates', () => {
  teardown(async () => {
    await closeAllEditors();
    for (const file of [TEMPLATE_FILE, ROLES_TEMPLATE_FILE]) await vscode.workspace.fs.delete(workspaceUri(file), { useTrash: false }).then(undefined, () => undefined);
  });

  test('a template with roles added at run time gives the preview a timeline and metrics', async () => {
    const api = (await vscode.extensions.getExtension<Services & { timelinePreview: TimelinePreviewApi }>(EXTENSION_ID)?.activate())!;
    const sent: HostMessage[] = [];
    const listener = api.timelinePreview.onDidSendMessage((message) => sent.push(message));
    try {
      const report = await writeWorkspaceFile('scratch/chronicle.md', ROLES_REPORT);
      await openInEditor(report);
      await waitForDiagnostics(report, hasRule('template.unknown'), 'template.unknown before the template exists');
      await vscode.commands.executeCommand(COMMANDS.showTimelinePreview, report);
      const latestView = () => [...sent].reverse().find((message): message is Extract<HostMessage, { type: 'update' }> => message.type === 'update')?.view;
      await waitUntil(api.timelinePreview.onDidSendMessage, () => latestView(), () => 'a first view of the report');

      await writeWorkspaceFile(ROLES_TEMPLATE_FILE, ROLES_TEMPLATE);
      const view = await waitUntil(
        api.timelinePreview.onDidSendMessage,
        () => {
          const latest = latestView();
          return latest && latest.dated.length > 0 ? latest : undefined;
        },
        () => `a view with events; last: ${JSON.stringify(latestView())}`,
      );
      assert.deepEqual(view.dated.flatMap((group) => group.events.map((event) => [group.phase, event.text])), [
        ['Key Facts', 'Incident began'],
        ['Key Facts', 'Incident discovered'],
        ['Chronology', 'consumers scaled out'],
        ['Mitigation', 'Getting back: backlog drained at 2024-09-02 09:10 UTC'],
      ]);
      assert.deepEqual(view.metrics.map((metric) => [metric.name, metric.value]), [
        ['Time to detect', '30 min'],
        ['Time to contain', '—'],
        ['Time to recover', '2 h 0 min'],
      ]);
    } finally {
      listener.dispose();
    }
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
