import * as vscode from 'vscode';
import { attackHoverAt } from '../core/assist/attackHover';
import { toRange } from './convert';
import type { Log } from './log';
import type { Reports } from './reports';

/** ATT&CK IDs explained on hover: name, tactics, summary, link, ATT&CK release. */
export class AttackHovers implements vscode.HoverProvider {
  constructor(
    private readonly reports: Reports,
    private readonly log: Log,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = await this.reports.analyzeWithAttack(document);
    return this.log.guard(`Hover in ${document.uri.toString()}`, undefined, () => {
      const hover = analysis && attackHoverAt(analysis, document.offsetAt(position));
      // Untrusted and without HTML: the link is the only active part.
      return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(document, hover.range)) : undefined;
    });
  }
}
