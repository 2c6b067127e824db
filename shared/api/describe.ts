// Writes a function's entry for people: the signature labels of signature help and the Markdown of a hover.
import { formatSignature } from './signature';
import type { ApiFunction, ApiScope, ApiSignature, IgnitionVersion } from './types';

const SCOPE_NAMES: Readonly<Record<ApiScope, string>> = {
  gateway: 'Gateway',
  perspective: 'Perspective Session',
  vision: 'Vision Client',
  designer: 'Designer',
};

/** `system.db.runNamedQuery(path: str, parameters: dict = None, ...) -> Any`, one overload. */
export function signatureLabel(fn: ApiFunction, signature: ApiSignature): string {
  return `${fn.name}${formatSignature(signature)}`;
}

/** Markdown for a hover: every form with its note, the doc line, scopes, and what the target version says. */
export function describeFunction(fn: ApiFunction, target?: IgnitionVersion): string {
  const forms = fn.signatures.map((signature) => {
    const note = signature.note ? `# ${signature.note}\n` : '';
    return `${note}${signatureLabel(fn, signature)}`;
  });
  const lines = ['```python', forms.join('\n'), '```', fn.doc, '', `Scope: ${fn.scopes.map((scope) => SCOPE_NAMES[scope]).join(', ')}.`];
  if (fn.since) lines.push(`New in Ignition ${fn.since}${target && target < fn.since ? `: not available on ${target}` : ''}.`);
  if (fn.deprecated && (!target || fn.deprecated.since <= target)) {
    lines.push(`Deprecated since Ignition ${fn.deprecated.since}: use ${fn.deprecated.replacement}.`);
  }
  if (fn.pageScoped) lines.push('Needs a page: from Startup, Shutdown or a session message handler, pass sessionId and pageId.');
  if (fn.perspectiveInstead) lines.push(`In Perspective: ${fn.perspectiveInstead}.`);
  if (fn.requires) lines.push(`Provided by the third-party module ${fn.requires}.`);
  return lines.join('\n');
}
