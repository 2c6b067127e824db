// The shape of the machine-readable `system.*` API table: modules, functions, overloads and parameters.

/** Where a function can run: the gateway (session events, timers, tag events), a Perspective session, a Vision client, the designer. */
export type ApiScope = 'gateway' | 'perspective' | 'vision' | 'designer';

/** The Ignition versions the tools target. */
export type IgnitionVersion = '8.1' | '8.3';

/** How a parameter takes its value, in Python's own terms. */
export type ParamKind = 'positional-or-keyword' | 'var-positional' | 'var-keyword';

export interface ApiParam {
  name: string;
  kind: ParamKind;
  /** A short type for people and signature help: `str`, `dict`, `list[str]`, `Dataset`, `Date`... */
  type: string;
  /** True when the caller must pass it; `*args`/`**kwargs` are never required. */
  required: boolean;
  /** The default as Python source (`None`, `True`, `'page'`, `45000`), when the parameter is optional. */
  default?: string;
}

/** One way to call a function; most functions have one, `system.db.runNamedQuery` has two. */
export interface ApiSignature {
  params: readonly ApiParam[];
  returns: string;
  /** The scopes this form is valid in, when narrower than the function's. */
  scopes?: readonly ApiScope[];
  /** Why this form exists, for people choosing between overloads. */
  note?: string;
}

export interface ApiDeprecation {
  /** The first version in which the function is deprecated; it stays deprecated in later versions. */
  since: IgnitionVersion;
  /** What to call instead, as a qualified name or a short phrase. */
  replacement: string;
}

/**
 * When a call needs a page: omitted sessionId/pageId mean "the current page", which does not exist in Startup,
 * Shutdown or a Session Events message handler. `true` always; an object when it depends on an argument's value
 * (sendMessage is page-scoped only when its `scope` is page or view).
 */
export type PageScoped = boolean | { readonly param: string; readonly values: readonly string[] };

export interface ApiFunction {
  /** Qualified name, e.g. `system.perspective.navigate`. */
  name: string;
  /** Qualified module name, e.g. `system.perspective`. */
  module: string;
  /** Overloads, tried in order when binding a call. */
  signatures: readonly ApiSignature[];
  scopes: readonly ApiScope[];
  /** The version that added it; absent when it exists in every targeted version. */
  since?: IgnitionVersion;
  deprecated?: ApiDeprecation;
  pageScoped?: PageScoped;
  /** The third-party module that adds the function, when Ignition itself does not have it. */
  requires?: string;
  /** For a function Perspective lacks (Vision-only), what a Perspective script does instead. */
  perspectiveInstead?: string;
  /** One line for hovers and completion. */
  doc: string;
}

export interface ApiModule {
  /** Qualified name, e.g. `system.date`. */
  name: string;
  /** One line on what the module is for. */
  doc: string;
  functions: readonly ApiFunction[];
  /** Names of the module's constants (`system.db.READ_COMMITTED`), which are attributes but not functions. */
  constants: readonly string[];
}
