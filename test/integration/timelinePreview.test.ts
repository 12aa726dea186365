import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Services } from '../../src/extension/services';
import type { TimelinePreviewApi } from '../../src/extension/timelinePreview';
import type { EventView, TimelineView } from '../../src/core/timeline/view';
import type { HostMessage } from '../../src/shared/timelineMessages';
import { EXTENSION_ID, closeAllEditors, openInEditor, replaceText, waitUntil, writeWorkspaceFile } from './helpers';

const REPORT = `---
kind: security
tlp: TLP:RED
---
# Incident Report: Preview test

## Incident Details

- **Discovery Date:** 2024-03-05 11:30 UTC
- **Incident Date:** 2024-03-05 09:15 UTC

## Timeline of Events

### Initial Access

- **Date/Time:** 2024-03-05 09:15 UTC
- **Details:** The attacker logged in with stolen credentials.

### Detection & Response

- **Date/Time:** 2024-03-05 11:30 UTC
- **Detection:** The EDR alerted the SOC.

## Response Actions

- **Containment measures:** Account disabled on 2024-03-05 12:00 UTC.
`;

type UpdateMessage = Extract<HostMessage, { type: 'update' }>;

suite('Timeline preview', () => {
  let preview: TimelinePreviewApi;
  /** Every message the preview sent, in order; tests wait for the ones they expect. */
  const sent: HostMessage[] = [];
  let listener: vscode.Disposable;

  suiteSetup(async () => {
    const api = (await vscode.extensions.getExtension<Services & { timelinePreview: TimelinePreviewApi }>(EXTENSION_ID)?.activate())!;
    preview = api.timelinePreview;
    listener = preview.onDidSendMessage((message) => sent.push(message));
  });

  suiteTeardown(() => listener.dispose());

  setup(() => {
    sent.length = 0;
  });

  teardown(closeAllEditors);

  /** Resolves with the first message sent (from now or earlier in the test) that `accept` takes. */
  function message<T extends HostMessage>(accept: (message: HostMessage) => message is T, what: string): Promise<T> {
    return waitUntil(preview.onDidSendMessage, () => sent.find(accept), () => `${what}; sent: ${JSON.stringify(sent.map((m) => m.type))}`);
  }

  function update(uri: vscode.Uri, accept: (view: TimelineView) => boolean = () => true): Promise<UpdateMessage> {
    return message((m): m is UpdateMessage => m.type === 'update' && m.uri === uri.toString() && accept(m.view), `an update of ${uri.path}`);
  }

  function eventWithText(view: TimelineView, text: string): EventView {
    const event = [...view.dated.flatMap((group) => group.events), ...view.undated].find((candidate) => candidate.text.includes(text));
    assert.ok(event, `no event with "${text}"`);
    return event;
  }

  async function openPreviewOf(name: string, text = REPORT): Promise<{ editor: vscode.TextEditor; view: TimelineView }> {
    const uri = await writeWorkspaceFile(`scratch/${name}`, text);
    const editor = await openInEditor(uri);
    await vscode.commands.executeCommand('incidentReport.showTimelinePreview');
    return { editor, view: (await update(uri)).view };
  }

  function previewTab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('incidentReport.timeline'));
  }

  test('opens beside the report, which keeps the focus, with metrics, phases and the TLP label', async () => {
    const { editor, view } = await openPreviewOf('preview-open.md');

    const tab = await waitUntil(vscode.window.tabGroups.onDidChangeTabs, previewTab, () => 'a preview tab');
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(view.title, 'Incident Report: Preview test');
    assert.deepStrictEqual(view.tlp, { label: 'TLP:RED', colour: 'red' });
    assert.strictEqual(view.kind, 'security');
    assert.deepStrictEqual(
      view.metrics.map((metric) => [metric.name, metric.value]),
      [['Time to detect', '2 h 15 min'], ['Time to contain', '2 h 45 min'], ['Time to recover', '—']],
    );
    assert.deepStrictEqual(
      view.dated.map((group) => `${group.phase}: ${group.category}`),
      ['Incident Details: detail', 'Initial Access: attack', 'Incident Details: detection', 'Detection & Response: detection', 'Response Actions: response'],
    );
    assert.strictEqual(eventWithText(view, 'stolen credentials').when, '2024-03-05 09:15');
    assert.strictEqual(eventWithText(view, 'Account disabled').gap, '+30 min');
  });

  test('updates after an edit', async () => {
    const { editor } = await openPreviewOf('preview-edit.md');
    await replaceText(editor, REPORT.replace('Account disabled', 'Account blocked'));
    const { view } = await update(editor.document.uri, (candidate) => candidate.dated.some((group) => group.events.some((e) => e.text.includes('Account blocked'))));
    assert.strictEqual(eventWithText(view, 'Account blocked').when, '2024-03-05 12:00');
  });

  test('says so when an edit makes the document no report', async () => {
    const { editor } = await openPreviewOf('preview-not-report.md');
    await replaceText(editor, 'Just notes.\n');
    await message((m): m is HostMessage => m.type === 'notReport' && m.uri === editor.document.uri.toString(), 'notReport');
  });

  test('a click on an event reveals and selects its source line', async () => {
    const { editor, view } = await openPreviewOf('preview-click.md');
    const event = eventWithText(view, 'EDR alerted');
    const selected = waitUntil(
      vscode.window.onDidChangeTextEditorSelection,
      () => (editor.selection.start.line === event.line ? editor.selection : undefined),
      () => `the selection on line ${event.line}; it is on ${editor.selection.start.line}`,
    );
    await preview.receiveMessage({ type: 'reveal', uri: editor.document.uri.toString(), eventId: event.id });
    const selection = await selected;
    assert.ok(!selection.isEmpty);
    assert.match(editor.document.getText(selection), /Date\/Time:\*\* 2024-03-05 11:30 UTC/);

    // The webview highlighted the event on the click: the selection the preview made must not echo back. A later
    // cursor move does produce a highlight, after any echo would have been sent.
    const other = eventWithText(view, 'Account disabled');
    editor.selection = new vscode.Selection(other.line, 0, other.line, 0);
    await message((m): m is HostMessage => m.type === 'highlight' && m.eventId === other.id, `highlight of ${other.id}`);
    assert.deepStrictEqual(sent.filter((m) => m.type === 'highlight').map((m) => m.type === 'highlight' && m.eventId), [other.id]);
  });

  test('lists the cited ATT&CK techniques in kill-chain order; choosing one selects its first citation', async () => {
    const text = `${REPORT}\n## Attack Methodology\n\n- **Exfiltration:** T1567.002\n- **Initial Access:** T1566.001 Spearphishing Attachment\n`;
    const { editor, view } = await openPreviewOf('preview-techniques.md', text);
    assert.deepStrictEqual(
      view.techniques.map(({ id, tactics }) => `${id} ${tactics}`),
      ['T1566.001 Initial Access', 'T1567.002 Exfiltration'],
    );
    const line = editor.document.getText().split('\n').findIndex((candidate) => candidate.includes('T1566.001'));
    await preview.receiveMessage({ type: 'revealTechnique', uri: editor.document.uri.toString(), techniqueId: 'T1566.001' });
    const selection = await waitUntil(
      vscode.window.onDidChangeTextEditorSelection,
      () => (editor.selection.start.line === line ? editor.selection : undefined),
      () => `the selection on line ${line}; it is on ${editor.selection.start.line}`,
    );
    assert.strictEqual(editor.document.getText(selection), 'T1566.001');
  });

  test('ignores invalid messages and messages about another document', async () => {
    const { editor, view } = await openPreviewOf('preview-invalid.md');
    const first = eventWithText(view, 'stolen credentials');
    const second = eventWithText(view, 'Account disabled');
    const lines: number[] = [];
    const recorder = vscode.window.onDidChangeTextEditorSelection((change) => lines.push(change.selections[0].start.line));
    try {
      await preview.receiveMessage({ type: 'reveal', uri: 'file:///elsewhere.md', eventId: first.id });
      await preview.receiveMessage({ type: 'reveal', uri: editor.document.uri.toString(), eventId: 7 });
      await preview.receiveMessage({ type: 'run', uri: editor.document.uri.toString(), eventId: first.id });
      await preview.receiveMessage('reveal');
      await preview.receiveMessage({ type: 'reveal', uri: editor.document.uri.toString(), eventId: second.id });
      await waitUntil(vscode.window.onDidChangeTextEditorSelection, () => (editor.selection.start.line === second.line ? true : undefined), () => 'the second event selected');
      assert.ok(!lines.includes(first.line), `selected lines: ${lines.join(', ')}`);
    } finally {
      recorder.dispose();
    }
  });

  test('moving the cursor into an event highlights it', async () => {
    const { editor, view } = await openPreviewOf('preview-cursor.md');
    const event = eventWithText(view, 'stolen credentials');
    const uri = editor.document.uri.toString();
    editor.selection = new vscode.Selection(event.line, 0, event.line, 0);
    await message((m): m is HostMessage => m.type === 'highlight' && m.uri === uri && m.eventId === event.id, `highlight of ${event.id}`);
    const heading = editor.document.getText().split('\n').indexOf('## Timeline of Events');
    editor.selection = new vscode.Selection(heading, 0, heading, 0);
    await message((m): m is HostMessage => m.type === 'highlight' && m.uri === uri && m.eventId === null, 'the highlight removed');
  });

  test('follows the active report', async () => {
    await openPreviewOf('preview-first.md');
    const second = await writeWorkspaceFile('scratch/preview-second.md', REPORT.replace('Preview test', 'Second report'));
    await openInEditor(second);
    const { view } = await update(second);
    assert.strictEqual(view.title, 'Incident Report: Second report');
  });

  test('shows that the active editor is not a report rather than the report before it', async () => {
    await openPreviewOf('preview-then-notes.md');
    const notes = await writeWorkspaceFile('scratch/notes.md', '# Meeting notes\n\nNothing to see.\n');
    await openInEditor(notes);
    const notice = await message((m): m is Extract<HostMessage, { type: 'notReport' }> => m.type === 'notReport' && m.uri === notes.toString(), 'notReport for the notes');
    assert.strictEqual(notice.fileName, 'notes.md');
  });

  test('a click on an event gives the focus back to the editor', async () => {
    const { editor, view } = await openPreviewOf('preview-focus.md');
    await vscode.commands.executeCommand('workbench.action.focusNextGroup');
    await waitUntil(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor === undefined ? true : undefined), () => 'the preview to have the focus');
    await preview.receiveMessage({ type: 'reveal', uri: editor.document.uri.toString(), eventId: eventWithText(view, 'EDR alerted').id });
    const focused = await waitUntil(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor, () => 'an active text editor');
    assert.strictEqual(focused.document.uri.toString(), editor.document.uri.toString());
  });

  test('the chosen view, list or time axis, is remembered for the next update', async () => {
    const { editor, view } = await openPreviewOf('preview-mode.md');
    assert.ok(view.axis.lanes.length > 0, 'the axis is laid out');
    await preview.receiveMessage({ type: 'mode', mode: 'axis' });
    await replaceText(editor, REPORT.replace('Account disabled', 'Account locked'));
    const updated = await message((m): m is UpdateMessage => m.type === 'update' && m.mode === 'axis', 'an update in the axis view');
    assert.strictEqual(updated.uri, editor.document.uri.toString());
    await preview.receiveMessage({ type: 'mode', mode: 'list' });
  });

  test('copies the timeline as Mermaid, as a Mermaid gantt chart and as JSON', async () => {
    await openPreviewOf('preview-copy.md');
    await vscode.commands.executeCommand('incidentReport.copyTimelineAsMermaid');
    const mermaid = await vscode.env.clipboard.readText();
    assert.match(mermaid, /^```mermaid\ntimeline\n {4}title Incident Report#58; Preview test\n/);
    await vscode.commands.executeCommand('incidentReport.copyTimelineAsMermaidGantt');
    assert.match(await vscode.env.clipboard.readText(), /^```mermaid\ngantt\n.*\n {4}Incident began : milestone, e0, 2024-03-05 09:15, 0m\n/s);
    await vscode.commands.executeCommand('incidentReport.copyTimelineAsJson');
    const json = JSON.parse(await vscode.env.clipboard.readText());
    assert.strictEqual(json.metrics.timeToDetectSeconds, 8100);
    assert.ok(json.events.some((event: { text: string }) => event.text.includes('Account disabled')));
  });
});
