// Where each kind of script runs (a Perspective session or the gateway) and how people call it, by role.
import type { ScriptRole } from './script';

/**
 * `perspective`: runs for a session (session events, view scripts); `gateway`: runs in the gateway's own scope
 * (gateway events, WebDev, tag events, pipelines, reports); `any`: code other scripts call (the project library,
 * a document's modules), which may run in either.
 */
export type ScriptScope = 'perspective' | 'gateway' | 'any';

interface KindInfo {
  scope: ScriptScope;
  /** Plural, for "read 12 scripts: 3 session events, ...". */
  label: string;
}

const KINDS: Record<ScriptRole['kind'], KindInfo> = {
  'session-event': { scope: 'perspective', label: 'session events' },
  'session-message-handler': { scope: 'perspective', label: 'session message handlers' },
  'key-event': { scope: 'perspective', label: 'key events' },
  'form-submission': { scope: 'perspective', label: 'form submission handlers' },
  'component-event': { scope: 'perspective', label: 'component events' },
  'component-message-handler': { scope: 'perspective', label: 'component message handlers' },
  'custom-method': { scope: 'perspective', label: 'custom methods' },
  'extension-function': { scope: 'perspective', label: 'extension functions' },
  transform: { scope: 'perspective', label: 'transforms' },
  'property-change': { scope: 'perspective', label: 'property change scripts' },
  library: { scope: 'any', label: 'library scripts' },
  module: { scope: 'any', label: 'modules' },
  'script-string': { scope: 'any', label: 'script strings' },
  'gateway-event': { scope: 'gateway', label: 'gateway events' },
  webdev: { scope: 'gateway', label: 'WebDev handlers' },
  'tag-event': { scope: 'gateway', label: 'tag event scripts' },
  'alarm-pipeline': { scope: 'gateway', label: 'alarm pipeline scripts' },
  'report-data-source': { scope: 'gateway', label: 'report script data sources' },
};

export function scriptScope(role: ScriptRole): ScriptScope {
  return KINDS[role.kind].scope;
}

/** How many scripts of each kind, by role kind, in the order the table above gives them. */
export function countScriptKinds(roles: Iterable<ScriptRole>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const role of roles) counts.set(role.kind, (counts.get(role.kind) ?? 0) + 1);
  const ordered: Record<string, number> = {};
  for (const kind of Object.keys(KINDS)) {
    const n = counts.get(kind);
    if (n) ordered[kind] = n;
  }
  return ordered;
}

/** "3 session events, 120 component events" for a count by kind. */
export function describeScriptKinds(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${Object.hasOwn(KINDS, kind) ? KINDS[kind as ScriptRole['kind']].label : kind}`)
    .join(', ');
}
