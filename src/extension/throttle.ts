import type * as vscode from 'vscode';

/** Runs the latest action given at most once per interval: at once after a quiet interval, else when it is over. */
export class Throttle implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => void) | undefined;
  private lastRun = -Infinity;

  constructor(private readonly intervalMs: number) {}

  run(action: () => void): void {
    this.pending = action;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastRun = Date.now();
      const latest = this.pending;
      this.pending = undefined;
      latest?.();
    }, Math.max(0, this.lastRun + this.intervalMs - Date.now()));
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
