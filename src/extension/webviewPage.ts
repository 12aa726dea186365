import * as vscode from 'vscode';
import { escapeHtml as escapeAttribute } from '../core/text/markup';
import { createNonce } from '../shared/reportPage';

/** The folders a page may load from: its stylesheet and its script. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

interface PageOptions {
  /** `timeline`: the page loads `media/timeline.css` and `dist/webview/timeline.js`, and renders into `#timeline-root`. */
  readonly name: string;
  readonly title: string;
  /** Rendered at once from `#<name>-initial-message` (escaped JSON in a `<meta>`); later states arrive as messages. */
  readonly initial?: unknown;
}

/**
 * A webview's page, set once per panel. It loads nothing but its own stylesheet and its script (whose nonce the policy
 * names), so report text the script shows can never run.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, { name, title, initial }: PageOptions): string {
  const nonce = createNonce();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', `${name}.css`));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${name}.js`));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  const initialMeta = initial === undefined ? '' : `\n  <meta id="${name}-initial-message" data-message="${escapeAttribute(JSON.stringify(initial))}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">${initialMeta}
  <link rel="stylesheet" href="${escapeAttribute(style.toString())}">
  <title>${escapeAttribute(title)}</title>
</head>
<body>
  <div id="${name}-root"></div>
  <script nonce="${nonce}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}
