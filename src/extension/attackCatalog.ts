import * as vscode from 'vscode';
import { AttackCatalog, parseAttackData } from '../core/security/attack';
import type { Log } from './log';

/**
 * MITRE ATT&CK Enterprise from the extension's own files (data/attack/), read once with `workspace.fs` so that it
 * works on the web too, and kept out of the bundles that load on every start. Until it is read (or when it cannot
 * be), reports are checked without it.
 */
export class AttackCatalogLoader {
  private catalog: AttackCatalog | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  get current(): AttackCatalog | undefined {
    return this.catalog;
  }

  /** Reads the data on the first call; every call resolves once it is read (or failed). */
  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'data', 'attack', 'enterprise-attack.json'));
      this.catalog = new AttackCatalog(parseAttackData(JSON.parse(new TextDecoder().decode(bytes))));
    } catch (error) {
      this.log.error('MITRE ATT&CK data could not be read; ATT&CK IDs are not checked', error);
    }
  }
}
