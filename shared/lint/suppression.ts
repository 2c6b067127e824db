// `# periscope: ignore` and `# periscope: ignore[rule, other-rule]` comments, read per line of a script.

const DIRECTIVE = /#\s*periscope:\s*ignore(?:\[([^\]]*)\])?/;

/** The rules a line suppresses: `'all'`, a set of ids, or undefined when the line has no directive. */
export function suppressedOnLine(line: string): 'all' | Set<string> | undefined {
  const hash = line.indexOf('#');
  if (hash === -1) return undefined;
  const m = DIRECTIVE.exec(line.slice(hash));
  if (!m) return undefined;
  if (m[1] === undefined) return 'all';
  return new Set(m[1].split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

/** The whole line of `text` around `offset`. */
export function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

export function isSuppressed(text: string, offset: number, rule: string): boolean {
  const directive = suppressedOnLine(lineAt(text, offset));
  return directive === 'all' || (directive !== undefined && directive.has(rule));
}
