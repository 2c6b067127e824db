// Recognises a dotted name as a path into a session's props or custom props, or a page's props.

export interface PropPath {
  tree: 'session' | 'page' | 'custom';
  /** Dotted path below the tree (`auth.user`), empty for the tree itself. */
  path: string;
}

const TREES: ReadonlyArray<[PropPath['tree'], RegExp]> = [
  ['session', /(?:^|\.)session\.props(?:\.(.*))?$/],
  ['custom', /(?:^|\.)session\.custom(?:\.(.*))?$/],
  ['page', /(?:^|\.)page\.props(?:\.(.*))?$/],
];

/** `session.props.auth.user` → session `auth.user`; also through `page.session` and `self.session`. */
export function propPath(name: string): PropPath | undefined {
  for (const [tree, pattern] of TREES) {
    const m = pattern.exec(name);
    if (m) return { tree, path: m[1] ?? '' };
  }
  return undefined;
}
