import type { RemoteConsole } from 'vscode-languageserver/node';

/** The server's log: the editor's language server log (window/logMessage), never stdout, which carries the protocol. */
export class Log {
  constructor(private readonly console: RemoteConsole) {}

  info(message: string): void {
    this.console.info(message);
  }

  error(what: string, error: unknown): void {
    this.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /**
   * Runs an entry point of the server (a request, a notification, a timer): a failure is logged and `fallback`
   * returned, so that one bad document or file never stops the server or the other documents.
   */
  async guard<T>(what: string, fallback: T, action: () => T | Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.error(what, error);
      return fallback;
    }
  }
}
