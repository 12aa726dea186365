import type * as vscode from 'vscode';
import { activateShared } from './activate';

/** Desktop entry point (extension host on Node). */
export function activate(context: vscode.ExtensionContext) {
  return activateShared(context);
}

export function deactivate(): void {}
