// The HTML the dev gateway serves: the client page shell (its Preact bundle does the rest) and the index of
// the project's pages. Data goes into pages as JSON or escaped text, never as markup or script.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON safe inside a `<script type="application/json">`: no `<` can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface ClientBootstrap {
  project: string;
  sessionId: string;
  route: string;
  /** `/system/pws/<project>/<sessionId>` */
  socketPath: string;
}

/**
 * The client page: the bootstrap as JSON, the bundle, and, when the inspector endpoint is on, its address with
 * the run's token in a meta tag, where the devtools extension's page hook finds it (a page of another origin
 * cannot read this document).
 */
export function clientPageHtml(boot: ClientBootstrap, inspectorUrl: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(boot.project)} ${escapeHtml(boot.route)} · Periscope dev gateway</title>
${inspectorUrl ? `<meta name="periscope-inspector" content="${escapeHtml(inspectorUrl)}">\n` : ''}<link rel="stylesheet" href="/res/periscope/client-page.css">
<script id="periscope-bootstrap" type="application/json">${scriptJson(boot)}</script>
<script src="/res/periscope/client-page.js" defer></script>
</head>
<body><div id="root"></div></body>
</html>
`;
}

/**
 * What a client page opened from another site (a link, window.open, a form) shows instead: a session starts
 * only when the person follows this page's own link, never because another site sent the browser here.
 */
export function confirmHtml(url: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Open the client page? · Periscope dev gateway</title></head>
<body><p>Another site sent you to this dev gateway. Opening the client page starts a session that runs the project's scripts.</p>
<p><a id="continue" href="${escapeHtml(url)}">Open the client page</a></p></body></html>
`;
}

export function indexHtml(project: string, pages: Array<{ url: string; title: string }>): string {
  const base = `/data/perspective/client/${encodeURIComponent(project)}`;
  const links = (pages.length ? pages : [{ url: '/', title: '' }])
    .map((p) => `<li><a href="${escapeHtml(base + p.url)}">${escapeHtml(p.url)}</a> ${escapeHtml(p.title)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(project)} · Periscope dev gateway</title></head>
<body><h1>${escapeHtml(project)}</h1><p>Pages of the project:</p><ul>
${links}
</ul></body></html>
`;
}
