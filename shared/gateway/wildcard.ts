// Ignition's filter wildcard: `*` matches any run of characters, everything else literally, case-insensitively.

export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const re = new RegExp(`^${source}$`, 'is');
  return (text) => re.test(text);
}

/** True when no patterns are given, or `text` matches one of them. */
export function matchesAny(patterns: string[] | undefined, text: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => wildcardMatcher(p)(text));
}
