import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/activate';
import { EXTENSION_ID } from './helpers';

export async function extensionApi(): Promise<ExtensionApi> {
  return (await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.activate())!;
}

interface Tree<T> {
  readonly onDidChangeTreeData: vscode.Event<unknown>;
  getChildren(node?: T): Promise<T[]>;
  getTreeItem(node: T): vscode.TreeItem;
}

/** A tree's rows, depth first: each node with its tree item and its depth (0 for the roots). */
export async function rows<T>(tree: Tree<T>): Promise<{ node: T; item: vscode.TreeItem; depth: number }[]> {
  const found: { node: T; item: vscode.TreeItem; depth: number }[] = [];
  const visit = async (parent: T | undefined, depth: number) => {
    for (const node of await tree.getChildren(parent)) {
      const item = tree.getTreeItem(node);
      found.push({ node, item, depth });
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await visit(node, depth + 1);
    }
  };
  await visit(undefined, 0);
  return found;
}

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/**
 * Resolves with `check`'s first defined result on the tree's rows, checking now and after every change of the tree;
 * rejects after `timeoutMs` with the rows as they were.
 */
export async function waitForRows<T, R>(tree: Tree<T>, check: (found: Awaited<ReturnType<typeof rows<T>>>) => R | undefined, what: string, timeoutMs = 10_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await rows(tree);
    const result = check(found);
    if (result !== undefined) return result;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`Timed out waiting for ${what}; rows: ${found.map((r) => `${'  '.repeat(r.depth)}${labelOf(r.item)} — ${r.item.description ?? ''}`).join(' | ')}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, remaining);
      const listener = tree.onDidChangeTreeData(done);
      function done() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
}
