import { createConnection, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../version';
import { ReportAnalyses } from './analyses';
import { attackCompletion, attackHover, COMPLETION_TRIGGERS } from './attackAssist';
import { CODE_ACTION_KINDS, ReportCodeActions } from './codeActions';
import { DiagnosticsPublisher } from './diagnostics';
import { filePath, ProjectFolders } from './folders';
import { Log } from './log';
import { ProjectFileWatchers } from './watchers';

/**
 * Serves the Language Server Protocol on stdin and stdout until the client ends the session. The library ends the
 * process on `exit` (code 0 after `shutdown`, else 1, as the protocol says) or when stdin closes.
 */
export function serveLanguageServer(cwd: string): Promise<number> {
  // Given no streams, the library serves on stdin/stdout for the `--stdio` among the process's arguments, and sends
  // console output to the client's log instead of stdout, where it would corrupt the protocol.
  const connection = createConnection();
  const documents = new TextDocuments(TextDocument);
  const log = new Log(connection.console);
  connection.onInitialize((params) => startSession(connection, documents, log, params, cwd));
  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}

function startSession(connection: Connection, documents: TextDocuments<TextDocument>, log: Log, params: InitializeParams, cwd: string): InitializeResult {
  const { capabilities } = params;
  const folders = new ProjectFolders(rootsOf(params, cwd), log);
  const analyses = new ReportAnalyses(folders, () => new Date());
  const publisher = new DiagnosticsPublisher(connection, documents, analyses, folders, log);
  const actions = new ReportCodeActions(documents, analyses, {
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    resolvesEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  });
  const watchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true ? new ProjectFileWatchers(connection, folders, log) : undefined;
  let initialized = false;

  const reload = () =>
    log.guard('Reloading the configuration and templates', undefined, async () => {
      await folders.reload();
      log.info(`Loaded ${folders.all.map((workspace) => workspace.root).join(', ') || 'no folder'}`);
      if (initialized) await watchers?.update();
      await publisher.publishAll();
    });
  // Loading starts at once; analyses wait for it, so a document opened meanwhile is analysed with the project.
  void reload();

  connection.onInitialized(() => {
    initialized = true;
    void log.guard('Watching the configuration and templates', undefined, async () => {
      await folders.ready();
      await watchers?.update();
    });
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        folders.changeRoots(pathsOf(added), pathsOf(removed));
        void reload();
      });
    }
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some(({ uri }) => folders.isProjectFile(filePath(uri)))) void reload();
  });
  documents.onDidOpen(({ document }) => publisher.opened(document));
  documents.onDidChangeContent(({ document }) => publisher.changed(document));
  documents.onDidClose(({ document }) => publisher.closed(document));
  connection.onShutdown(() => publisher.dispose());

  connection.onCodeAction((request) => log.guard(`Code actions for ${request.textDocument.uri}`, [], () => actions.codeActions(request)));
  connection.onCodeActionResolve((action) => log.guard(`Resolving "${action.title}"`, action, () => actions.resolve(action)));
  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return log.guard(`Hover in ${textDocument.uri}`, null, () => (document ? attackHover(analyses, document, position) : null));
  });
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return log.guard(`Completion in ${textDocument.uri}`, null, () => (document ? attackCompletion(analyses, document, position) : null));
  });

  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'incident-report', version: VERSION },
  };
}

/** The folders' paths: the workspace folders, else the root URI, else the folder the server was started in. */
function rootsOf(params: InitializeParams, cwd: string): string[] {
  const roots = pathsOf(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
  return roots.length > 0 ? roots : [cwd];
}

/** The paths of the folders on disk (`file:` URIs). */
function pathsOf(folders: readonly WorkspaceFolder[]): string[] {
  return folders.map(({ uri }) => filePath(uri)).filter((path) => path !== undefined);
}
