// Which configured page a URL shows: exact URLs first, then patterns such as `/area/:area`, with their parameters.

export interface PageMatch {
  /** The configured URL that matched, as written in page-config (`/area/:area`). */
  pattern: string;
  /** URL parameters by name (`{area: "filler"}`): they become `page.props.urlParams` and the primary view's params. */
  params: { [name: string]: string };
}

const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Matches `path` against the configured page URLs. An exact URL wins; among patterns, the one with the most
 * literal segments wins, so `/area/overview` beats `/area/:area` as it does in a Perspective session.
 */
export function matchPageUrl(patterns: readonly string[], path: string): PageMatch | undefined {
  const clean = stripQuery(path);
  if (patterns.includes(clean)) return { pattern: clean, params: {} };
  const segments = split(clean);
  let best: { match: PageMatch; literals: number } | undefined;
  for (const pattern of patterns) {
    const parts = split(pattern);
    if (parts.length !== segments.length) continue;
    const params: { [name: string]: string } = Object.create(null) as { [name: string]: string };
    let literals = 0;
    const matches = parts.every((part, i) => {
      if (part.startsWith(':') && part.length > 1) {
        // A parameter named like JavaScript's object machinery cannot hold data; such a pattern matches nothing.
        if (UNSAFE_NAMES.has(part.slice(1))) return false;
        params[part.slice(1)] = decodeSegment(segments[i]);
        return true;
      }
      literals++;
      return part === segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { match: { pattern, params: { ...params } }, literals };
  }
  return best?.match;
}

function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** A malformed escape stays as typed rather than failing the page. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
