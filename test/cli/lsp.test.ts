// The language server end to end: the built `dist/cli.js lsp --stdio` spawned as an editor would, driven by the
// protocol library's own client connection (real JSON-RPC framing over the child's stdin and stdout).
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type InitializeResult,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl } from '../../src/core/diagnostics';
import { CLEAN_REPORT, ERROR_REPORT, NOTES } from './fixtures';
import { cli, CLI, ROOT, TempFolder } from './helpers';

/** Long enough for a loaded machine; only reached when the server fails to answer. */
const PATIENCE_MS = 15_000;

const uriOf = (path: string) => pathToFileURL(path).href;

/** A client session with one server process: it records every publishDiagnostics and registration. */
class Client {
  private readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private stderr = '';
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  /** Answers client/registerCapability with an error, as a client may. */
  refuseRegistrations = false;
  private readonly waiting: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiting.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
      if (this.refuseRegistrations) throw new Error('no file watching here');
    });
    this.connection.listen();
  }

  async initialize(folder: string, capabilities: ClientCapabilities = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'reports' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, ...capabilities },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(path: string, text: string, languageId = 'markdown'): Promise<string> {
    const uri = uriOf(path);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a client may always send the full text, whatever the sync kind). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The first publish for the document (already received or to come) that passes the test. */
  async diagnostics(uri: string, test: (published: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const found = this.published.find((published) => published.uri === uri && test(published));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching diagnostics for ${uri}; published: ${JSON.stringify(this.published)}\nserver stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Shutdown, then exit: resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  get errors(): string {
    return this.stderr;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

const ruleIn = (rule: string, published: PublishDiagnosticsParams) => published.diagnostics.filter((diagnostic) => diagnostic.code === rule);

/** The edits of the one document a workspace edit changes, checked to be a TextDocumentEdit for the given version. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string, version: number): TextEdit[] {
  assert.ok(edit?.documentChanges, JSON.stringify(edit));
  assert.equal(edit.documentChanges.length, 1);
  const change = edit.documentChanges[0];
  assert.ok('textDocument' in change && 'edits' in change, JSON.stringify(change));
  assert.deepEqual(change.textDocument, { uri, version });
  return change.edits.map((textEdit) => {
    assert.ok('range' in textEdit && 'newText' in textEdit);
    return textEdit;
  });
}

function applied(uri: string, version: number, text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), edits);
}

/** A security report citing T1566, made from the example that cites ATT&CK techniques. */
const ATTACK_REPORT = readFileSync(join(ROOT, 'examples', 'incidents', '2024-05-14-invoice-phishing-intrusion.md'), 'utf8').replace(
  '- **Initial Access:** T1566.001 Spearphishing Attachment',
  '- **Initial Access:** T1566 Phishing',
);

/** Recommendations written before Executive Summary: `section.order`, which Fix All repairs. */
const FIXABLE = ERROR_REPORT.replace('## Executive Summary', `${CLEAN_REPORT.slice(ERROR_REPORT.length)}\n## Executive Summary`);

suite('lsp', () => {
  let folder: TempFolder;
  let client: Client;
  setup(() => {
    folder = new TempFolder({ 'incidents/report.md': ERROR_REPORT });
    client = new Client(folder.path);
  });
  teardown(() => {
    client.kill();
    folder.dispose();
  });

  test('publishes the diagnostics of a report on open; its quick fix removes one; shutdown and exit end with code 0', async () => {
    const init = await client.initialize(folder.path);
    assert.equal(init.serverInfo?.name, 'incident-report');
    const uri = await client.open(join(folder.path, 'incidents/report.md'), ERROR_REPORT);

    const first = await client.diagnostics(uri);
    assert.equal(first.version, 1);
    const [missing] = ruleIn('section.missing', first);
    assert.ok(missing, JSON.stringify(first));
    assert.equal(missing.message, 'Missing required section "Recommendations"');
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.equal(missing.source, 'incident-report');
    assert.deepEqual(missing.codeDescription, { href: ruleDocsUrl('section.missing') });
    const lastLine = ERROR_REPORT.split('\n').length - 1;
    assert.ok(missing.range.start.line <= lastLine && missing.range.end.line <= lastLine, JSON.stringify(missing.range));

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const quickFix = actions.find((action) => action.kind === 'quickfix');
    assert.ok(quickFix, JSON.stringify(actions));
    assert.equal(quickFix.title, 'Insert section "Recommendations"');
    assert.deepEqual(quickFix.diagnostics, [missing]);
    const fixed = applied(uri, 1, ERROR_REPORT, editsFor(quickFix.edit, uri, 1));
    assert.match(fixed, /^## Recommendations$/m);

    await client.change(uri, 2, fixed);
    const second = await client.diagnostics(uri, (published) => published.version === 2);
    assert.deepEqual(ruleIn('section.missing', second), [], JSON.stringify(second));
    assert.ok(second.diagnostics.length > 0, 'the inserted section is still a template skeleton, which other rules report');

    assert.equal(await client.stop(), 0, client.errors);
  });

  test('a quick fix is offered only for a diagnostic of the current analysis', async () => {
    await client.initialize(folder.path);
    const uri = await client.open(join(folder.path, 'incidents/report.md'), ERROR_REPORT);
    const [missing] = ruleIn('section.missing', await client.diagnostics(uri));
    const ask = (diagnostic: Diagnostic) =>
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    assert.equal(((await ask(missing)) as CodeAction[]).length, 1);
    assert.deepEqual(await ask({ ...missing, message: 'Missing required section "Lessons Learned"' }), []);
    assert.deepEqual(await ask({ ...missing, source: 'markdownlint' }), []);
  });

  test('Fix All is a source action whose edit is the one `incident-report fix` writes, computed on resolve when the client resolves edits', async () => {
    folder.write('incidents/fixable.md', FIXABLE);
    await client.initialize(folder.path, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    const uri = await client.open(join(folder.path, 'incidents/fixable.md'), FIXABLE);
    assert.equal(ruleIn('section.order', await client.diagnostics(uri)).length, 1);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map(({ title, kind }) => ({ title, kind })),
      [{ title: 'Fix all auto-fixable report problems', kind: 'source.fixAll.incidentReport' }],
    );
    assert.equal(actions[0].edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[0]);
    const fixedByServer = applied(uri, 1, FIXABLE, editsFor(resolved.edit, uri, 1));

    const run = cli(['fix', 'incidents/fixable.md'], folder.path);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.notEqual(fixedByServer, FIXABLE);
    assert.equal(fixedByServer, folder.read('incidents/fixable.md'));

    const quickFixesOnly = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(quickFixesOnly, [], 'Fix All is not a quick fix');
  });

  test('Fix All carries its edit at once for a client that does not resolve edits, as plain changes without documentChanges', async () => {
    await client.initialize(folder.path, { workspace: { workspaceEdit: { documentChanges: false } } });
    const uri = await client.open(join(folder.path, 'incidents/report.md'), FIXABLE);
    await client.diagnostics(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const edits = actions[0].edit?.changes?.[uri];
    assert.ok(edits && edits.length === 1, JSON.stringify(actions[0]));
    const fixed = applied(uri, 1, FIXABLE, edits);
    assert.ok(fixed.indexOf('## Executive Summary') < fixed.indexOf('## Recommendations'), fixed);
  });

  test('hovers an ATT&CK technique ID and completes one being typed', async () => {
    await client.initialize(folder.path);
    const uri = await client.open(join(folder.path, 'incidents/phishing.md'), ATTACK_REPORT);
    await client.diagnostics(uri);
    const lines = ATTACK_REPORT.split('\n');
    const line = lines.findIndex((text) => text.includes('T1566 Phishing'));
    const character = lines[line].indexOf('T1566') + 2;

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    assert.ok(hover, 'a hover on T1566');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*T1566 Phishing\*\*\n\nTechnique · \*Initial Access\*/);
    assert.match(contents.value, /\(https:\/\/attack\.mitre\.org\/techniques\/T1566\/?\)/);
    assert.deepEqual(hover.range, { start: { line, character: character - 2 }, end: { line, character: character + 3 } });
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(elsewhere, null);

    const typed = ATTACK_REPORT.replace('- **Initial Access:** T1566 Phishing', '- **Initial Access:** T156');
    await client.change(uri, 2, typed);
    const at = { line, character: typed.split('\n')[line].length };
    const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at })) as CompletionList;
    const phishing = completion.items.find((item) => item.label === 'T1566');
    assert.ok(phishing, JSON.stringify(completion.items.slice(0, 5)));
    assert.equal(phishing.labelDetails?.description, 'Phishing');
    assert.deepEqual(phishing.textEdit, { range: { start: { line, character: at.character - 4 }, end: at }, newText: 'T1566 Phishing' });
    assert.ok(completion.items.every((item) => item.label.startsWith('T156')), 'only IDs that start as typed');
  });

  test('reloads .incident-report.yaml when it changes on disk, and publishes its own problems in it', async () => {
    await client.initialize(folder.path, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const uri = await client.open(join(folder.path, 'incidents/report.md'), ERROR_REPORT);
    const [before] = ruleIn('section.missing', await client.diagnostics(uri));
    assert.equal(before.severity, DiagnosticSeverity.Error);
    const watched = client.registrations.find((registration) => registration.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watched, JSON.stringify(client.registrations));
    assert.deepEqual(watched.registerOptions, { watchers: [{ globPattern: '**/.incident-report.yaml' }, { globPattern: '**/.incident-reports/templates/*.{yaml,yml}' }] });

    const config = folder.write('.incident-report.yaml', 'rules:\n  section.missing: warning\n  no.such-rule: error\n');
    const configUri = uriOf(config);
    client.published.length = 0;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Created }] });
    const after = await client.diagnostics(uri);
    assert.equal(after.version, 1);
    assert.deepEqual(
      ruleIn('section.missing', after).map((diagnostic) => diagnostic.severity),
      [DiagnosticSeverity.Warning],
    );
    const configProblems = await client.diagnostics(configUri);
    assert.deepEqual(
      configProblems.diagnostics.map(({ code, message }) => ({ code, message })),
      [{ code: 'config.invalid', message: 'Unknown rule "no.such-rule"' }],
    );

    folder.write('.incident-report.yaml', 'rules:\n  section.missing: "off"\n');
    client.published.length = 0;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    assert.deepEqual(ruleIn('section.missing', await client.diagnostics(uri)), []);
    assert.deepEqual((await client.diagnostics(configUri)).diagnostics, [], 'the fixed configuration file is cleared');
  });

  test('only reports get diagnostics: by the report globs, or by front matter outside them', async () => {
    await client.initialize(folder.path);
    const notes = await client.open(join(folder.path, 'notes.md'), NOTES);
    const text = await client.open(join(folder.path, 'incidents/report.txt'), ERROR_REPORT, 'plaintext');
    const outside = await client.open(join(folder.path, 'docs/outage.md'), ERROR_REPORT);
    const byGlobs = await client.open(join(folder.path, 'incidents/draft.md'), NOTES);
    assert.ok(ruleIn('section.missing', await client.diagnostics(outside)).length === 1, 'front matter with kind makes a report anywhere');
    assert.ok((await client.diagnostics(byGlobs)).diagnostics.length > 0, 'any Markdown under incidents/ is a report');
    assert.deepEqual(
      client.published.filter((published) => published.uri === notes || published.uri === text),
      [],
      'notes outside the globs, and a text file that is no Markdown, get nothing (they were opened first, so theirs would have come first)',
    );
  });

  test('closing a report clears its diagnostics', async () => {
    await client.initialize(folder.path);
    const uri = await client.open(join(folder.path, 'incidents/report.md'), ERROR_REPORT);
    assert.ok((await client.diagnostics(uri)).diagnostics.length > 0);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await client.diagnostics(uri, (published) => published.diagnostics.length === 0);
    assert.equal(cleared.version, undefined);
  });

  test('diagnostics of an older version are never published after a newer one', async () => {
    await client.initialize(folder.path);
    const uri = await client.open(join(folder.path, 'incidents/report.md'), ERROR_REPORT);
    for (let version = 2; version <= 6; version++) await client.change(uri, version, version % 2 === 0 ? CLEAN_REPORT : ERROR_REPORT);
    const last = await client.diagnostics(uri, (published) => published.version === 6);
    assert.deepEqual(last.diagnostics, [], 'version 6 is the clean report');
    const publishes = client.published.filter((published) => published.uri === uri);
    const versions = publishes.map((published) => published.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published in order: ${versions.join(', ')}`);
    for (const published of publishes) {
      const clean = (published.version ?? 0) % 2 === 0;
      assert.equal(ruleIn('section.missing', published).length, clean ? 0 : 1, `the diagnostics published for version ${published.version} are that version's`);
    }
  });

  test('survives malformed documents and configuration, a refused registration, and requests about unknown documents', async () => {
    folder.write('.incident-report.yaml', 'rules: [unclosed\n');
    client.refuseRegistrations = true;
    await client.initialize(folder.path, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const configProblems = await client.diagnostics(uriOf(join(folder.path, '.incident-report.yaml')));
    assert.equal(configProblems.diagnostics[0]?.code, 'config.invalid', JSON.stringify(configProblems));

    const broken = '---\nkind: [security\n---\n\u0000\uFFFF\uD800 # Incident Report: x\r\n## \r';
    const uri = await client.open(join(folder.path, 'incidents/broken.md'), broken);
    const published = await client.diagnostics(uri);
    assert.ok(ruleIn('frontmatter.syntax', published).length > 0, JSON.stringify(published));

    const unknown = uriOf(join(folder.path, 'incidents/never-opened.md'));
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: unknown }, range: published.diagnostics[0].range, context: { diagnostics: [] } }), []);
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, { title: 'Fix all auto-fixable report problems', kind: 'source.fixAll.incidentReport', data: 42 });
    assert.equal(resolved.edit, undefined);

    assert.equal(client.registrations.length, 1, 'the server asked to watch files, and was refused');
    assert.equal(await client.stop(), 0, client.errors);
    assert.doesNotMatch(client.errors, /^\s+at /m, 'no stack trace on stderr');
  });

  test('exit without shutdown ends with code 1, and a usage error with code 2', async () => {
    await client.initialize(folder.path);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await client.exited, 1);
    const run = cli(['lsp'], folder.path);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^incident-report lsp: give --stdio/);
  });
});
