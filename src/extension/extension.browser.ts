import type * as vscode from 'vscode';
import { activateShared } from './activate';

/** Web entry point (extension host in a web worker, e.g. vscode.dev). */
export function activate(context: vscode.ExtensionContext) {
  return activateShared(context);
}

export function deactivate(): void {}
