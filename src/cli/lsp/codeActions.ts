import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { canFixAll, FIX_ALL_TITLE, fixesOf } from '../../core/assist/codeActions';
import { fixAll } from '../../core/commands/fixAll';
import { LineIndex } from '../../core/text/lineIndex';
import type { ReportAnalyses } from './analyses';
import { toOffsets, toWorkspaceEdit } from './convert';

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.incidentReport`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** What the client can take, from its `initialize` capabilities. */
export interface EditSupport {
  /** Versioned TextDocumentEdits (`workspaceEdit.documentChanges`). */
  readonly documentChanges: boolean;
  /** `codeAction/resolve` of an action's edit: Fix All is then computed only when it is chosen. */
  readonly resolvesEdits: boolean;
}

/** What a Fix All action carries until it is resolved. */
interface FixAllData {
  readonly uri: string;
}

/** Quick fixes for the diagnostics in the request, and the Fix All source action, as the extension offers them. */
export class ReportCodeActions {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: ReportAnalyses,
    private readonly support: EditSupport,
  ) {}

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    const analysis = document && (await this.analyses.analyze(document));
    if (!document || !analysis) return [];
    const { only } = params.context;
    const wants = (kind: string) => !only || only.some((asked) => within(kind, asked) || within(asked, kind));
    const lines = analysis.report.lines;
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const shown of params.context.diagnostics) {
        // Ours are plain text; a Markdown message (LSP 3.18) is another tool's.
        const message = typeof shown.message === 'string' ? shown.message : shown.message.value;
        for (const fix of fixesOf(analysis, { source: shown.source, code: shown.code, message, range: toOffsets(lines, shown.range) })) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [shown],
            isPreferred: fix.isPreferred === true,
            edit: toWorkspaceEdit(document, lines, fix.edits, this.support.documentChanges),
          });
        }
      }
    }
    if (wants(FIX_ALL_KIND) && canFixAll(analysis)) {
      const action: CodeAction = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri: document.uri } satisfies FixAllData };
      actions.push(this.support.resolvesEdits ? action : await this.resolve(action));
    }
    return actions;
  }

  /** Fix All analyses again after every fix, so its edit is computed only when the action is chosen, where the client allows. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const { uri } = (action.data ?? {}) as Partial<FixAllData>;
    const document = action.kind === FIX_ALL_KIND && uri !== undefined ? this.documents.get(uri) : undefined;
    const options = document && (await this.analyses.options(document));
    if (!document || !options) return action;
    const text = document.getText();
    const { edit } = fixAll(text, options);
    return { ...action, edit: toWorkspaceEdit(document, new LineIndex(text), edit ? [edit] : [], this.support.documentChanges) };
  }
}

/** Whether a code action kind is the other or one of its sub-kinds ("source.fixAll.incidentReport" is within "source.fixAll"; all are within ""). */
function within(kind: string, parent: string): boolean {
  return parent === '' || kind === parent || kind.startsWith(`${parent}.`);
}
