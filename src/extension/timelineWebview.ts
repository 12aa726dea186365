import * as vscode from 'vscode';
import { createNonce } from '../shared/reportPage';
import type { HostMessage } from '../shared/timelineMessages';

/** The folders the page may load from: its stylesheet and its script. */
export function timelineWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** The page, set once per panel; `initial` is rendered at once, later states arrive as messages. */
export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initial: HostMessage): string {
  const nonce = createNonce();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'timeline.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <meta id="timeline-initial-message" data-message="${escapeAttribute(JSON.stringify(initial))}">
  <link rel="stylesheet" href="${escapeAttribute(style.toString())}">
  <title>Incident Timeline</title>
</head>
<body>
  <div id="timeline-root"></div>
  <script nonce="${nonce}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
