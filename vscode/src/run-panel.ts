// The panel that shows what a Run did: sections of the run report, each line clickable to its file and line.
import * as vscode from 'vscode';
import type { ReportLine, RunReport } from '../../shared/language/run-report';

let panel: vscode.WebviewPanel | undefined;

export function showRunReport(report: RunReport | { error: string }, title: string): void {
  if (!panel) {
    panel = vscode.window.createWebviewPanel('periscope.run', 'Periscope Run', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (message: { file: string; line: number }) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(message.file));
      const line = Math.max(0, message.line - 1);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
    });
  }
  panel.title = `Run: ${title}`;
  panel.webview.html = html(report, title, panel.webview.cspSource);
  panel.reveal(undefined, true);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(report: RunReport | { error: string }, title: string, csp: string): string {
  const nonce = Math.random().toString(36).slice(2);
  const body = 'error' in report
    ? `<h2>${escape(title)}</h2><p class="error">${escape(report.error)}</p>`
    : `<h2>${escape(report.title)}</h2><p class="${report.ok ? 'ok' : 'error'}">${escape(report.summary)}</p>` +
      report.sections.map((s) => `<h3>${escape(s.title)}</h3><ul>${s.lines.map(line).join('')}</ul>`).join('') +
      `<details><summary>Trace (${report.trace.length} events)</summary><pre>${escape(report.trace.join('\n'))}</pre></details>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)} li{font-family:var(--vscode-editor-font-family);list-style:none;margin:2px 0}
.error{color:var(--vscode-errorForeground)} .warning{color:var(--vscode-editorWarning-foreground)} .ok{color:var(--vscode-testing-iconPassed)}
a{cursor:pointer;color:var(--vscode-textLink-foreground)} .time{opacity:.6;margin-right:.5em}</style></head>
<body class="periscope-run">${body}
<script nonce="${nonce}">const vscode = acquireVsCodeApi();
document.querySelectorAll('a[data-file]').forEach((a) => a.addEventListener('click', () => vscode.postMessage({ file: a.dataset.file, line: Number(a.dataset.line) })));</script>
</body></html>`;
}

function line(l: ReportLine): string {
  const where = l.file ? ` <a data-file="${escape(l.file)}" data-line="${l.line ?? 1}">${escape(l.file.split('/').pop() ?? l.file)}:${l.line ?? 1}</a>` : '';
  return `<li class="${l.level ?? ''}"><span class="time">${escape(l.time)}</span>${escape(l.text)}${where}</li>`;
}
