import type { WebviewMessage, WebviewState } from '../../shared/timelineMessages';

/** The part of the API VS Code gives a webview's page that the preview uses. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

declare global {
  /** Defined by VS Code in the page; may be called once. */
  function acquireVsCodeApi(): VsCodeApi;
}
