import * as vscode from 'vscode';

/** The extension's output channel ("Incident Report Studio" in the Output view), where failures are reported. */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Incident Report Studio', { log: true });

  error(what: string, error: unknown): void {
    this.channel.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /**
   * Runs an entry point of the extension (an event handler, a provider): a failure is logged and `fallback` is
   * returned, so that one bad document or file never stops the others from being served.
   */
  guard<T>(what: string, fallback: T, action: () => T): T {
    try {
      return action();
    } catch (error) {
      this.error(what, error);
      return fallback;
    }
  }

  dispose(): void {
    this.channel.dispose();
  }
}
