// Builds a module's entries from compact specifications written in Python stub notation.
import { parseSignature } from './signature';
import type { ApiDeprecation, ApiFunction, ApiModule, ApiScope, ApiSignature, IgnitionVersion, PageScoped } from './types';

/** Every scope: functions that work wherever scripts run. */
export const ALL_SCOPES: readonly ApiScope[] = ['gateway', 'perspective', 'vision', 'designer'];
/** Gateway and Perspective session: system.perspective.* and other gateway-side functions. */
export const GATEWAY_AND_PERSPECTIVE: readonly ApiScope[] = ['gateway', 'perspective'];
/** Vision client and designer only: absent from the gateway scope Perspective scripts run in. */
export const VISION_ONLY: readonly ApiScope[] = ['vision', 'designer'];
/** Everything that runs inside a project: Perspective, Vision and the designer, but not plain gateway scope. */
export const PROJECT_SCOPES: readonly ApiScope[] = ['perspective', 'vision', 'designer'];

/** One overload of a function with its own scopes. */
export interface OverloadSpec {
  signature: string;
  scopes?: readonly ApiScope[];
  note?: string;
}

export interface FunctionSpec {
  name: string;
  /** `(a: str, b: int = 0) -> str`, or several overloads. */
  signature: string | readonly OverloadSpec[];
  doc: string;
  /** Defaults to the module's scopes. */
  scopes?: readonly ApiScope[];
  since?: IgnitionVersion;
  deprecated?: ApiDeprecation;
  pageScoped?: PageScoped;
  requires?: string;
  perspectiveInstead?: string;
}

export interface ModuleOptions {
  /** Constant names, e.g. `system.db.READ_COMMITTED`. */
  constants?: readonly string[];
  /** The default `perspectiveInstead` of the module's functions. */
  perspectiveInstead?: string;
}

export function defineModule(
  name: string,
  doc: string,
  scopes: readonly ApiScope[],
  specs: readonly FunctionSpec[],
  options: ModuleOptions = {},
): ApiModule {
  const functions = specs.map((spec): ApiFunction => {
    let signatures: ApiSignature[] | undefined;
    const entry: ApiFunction = {
      name: `${name}.${spec.name}`,
      module: name,
      // Parsed at first read: every command loads the whole table, and most read a few functions of it.
      get signatures(): ApiSignature[] {
        signatures ??= signaturesOf(spec);
        return signatures;
      },
      scopes: spec.scopes ?? scopes,
      doc: spec.doc,
    };
    if (spec.since) entry.since = spec.since;
    if (spec.deprecated) entry.deprecated = spec.deprecated;
    if (spec.pageScoped) entry.pageScoped = spec.pageScoped;
    if (spec.requires) entry.requires = spec.requires;
    const instead = spec.perspectiveInstead ?? options.perspectiveInstead;
    if (instead) entry.perspectiveInstead = instead;
    return entry;
  });
  return { name, doc, functions, constants: options.constants ?? [] };
}

function signaturesOf(spec: FunctionSpec): ApiSignature[] {
  if (typeof spec.signature === 'string') return [parseSignature(spec.signature)];
  return spec.signature.map((overload) => {
    const signature: ApiSignature = parseSignature(overload.signature);
    if (overload.scopes) signature.scopes = overload.scopes;
    if (overload.note) signature.note = overload.note;
    return signature;
  });
}
