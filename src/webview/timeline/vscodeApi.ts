import type { WebviewMessage, WebviewState } from '../../shared/timelineMessages';

/** The part of the API VS Code gives a webview's page that the pages use; by default the Timeline preview's. */
export interface VsCodeApi<Message = WebviewMessage, State = WebviewState> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare global {
  /** Defined by VS Code in the page; may be called once. */
  function acquireVsCodeApi<Message = WebviewMessage, State = WebviewState>(): VsCodeApi<Message, State>;
}
