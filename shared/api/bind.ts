// Matches a call's arguments to a function's parameters the way Python does, choosing among overloads.
import type { ApiFunction, ApiParam, ApiScope, ApiSignature } from './types';
import { nearestName } from './suggest';

export type BindProblem =
  /** `keywordIndex` is the keyword's index in the call's keyword list; `suggestion` is the nearest parameter name. */
  | { kind: 'unknown-keyword'; keyword: string; keywordIndex: number; suggestion?: string }
  | { kind: 'too-many-positional'; max: number; given: number }
  | { kind: 'missing'; params: string[] }
  /** A parameter given twice: by position and keyword, or by the same keyword twice. */
  | { kind: 'duplicate'; name: string; keywordIndex: number };

export interface BoundArgument {
  param: ApiParam;
  /** Where the value came from: a positional index, or an index in the keyword list. */
  from: { positional: number } | { keyword: number };
}

export type BindResult =
  | { ok: true; signature: ApiSignature; overload: number; arguments: BoundArgument[] }
  /**
   * `signature` is the overload that came closest, for messages and signature help; `arguments` holds what did bind
   * there, so an editor can highlight the parameter being typed in an unfinished call.
   */
  | { ok: false; signature: ApiSignature; overload: number; problems: BindProblem[]; arguments: BoundArgument[] };

export interface BindOptions {
  /** The scope the call runs in: overloads valid there are tried first (others still bind, as the gateway accepts both). */
  scope?: ApiScope;
}

/**
 * Binds a call with `positionalCount` positional arguments followed by the keyword arguments `keywords` (in source order)
 * to the first overload that accepts it. Callers skip calls with `*args`/`**kwargs` at the call site.
 */
export function bindArguments(fn: ApiFunction, positionalCount: number, keywords: readonly string[], options: BindOptions = {}): BindResult {
  let closest: { signature: ApiSignature; index: number; problems: BindProblem[]; bound: BoundArgument[]; distance: number } | undefined;
  for (const index of overloadOrder(fn, options.scope)) {
    const signature = fn.signatures[index];
    const attempt = bindSignature(signature, positionalCount, keywords);
    if (attempt.ok) return { ok: true, signature, overload: index, arguments: attempt.bound };
    const distance = distanceOf(attempt.problems);
    if (!closest || distance < closest.distance) closest = { signature, index, problems: attempt.problems, bound: attempt.bound, distance };
  }
  // Every function has at least one signature, so a failed loop always leaves a closest attempt.
  const failed = closest!;
  return { ok: false, signature: failed.signature, overload: failed.index, problems: failed.problems, arguments: failed.bound };
}

const SINGLE = [0] as const;

/** Overload indexes in the order to try them: those valid in `scope` first, then the rest, each in table order. */
function overloadOrder(fn: ApiFunction, scope: ApiScope | undefined): readonly number[] {
  if (fn.signatures.length === 1) return SINGLE;
  const indexes = fn.signatures.map((_, index) => index);
  if (!scope) return indexes;
  const fits = (index: number) => (fn.signatures[index].scopes ?? fn.scopes).includes(scope);
  return [...indexes.filter(fits), ...indexes.filter((index) => !fits(index))];
}

/** How far a call is from fitting: one per wrong keyword, one per missing parameter, one per extra argument. */
function distanceOf(problems: readonly BindProblem[]): number {
  let distance = 0;
  for (const problem of problems) {
    if (problem.kind === 'too-many-positional') distance += problem.given - problem.max;
    else if (problem.kind === 'missing') distance += problem.params.length;
    else distance += 1;
  }
  return distance;
}

/** What binding needs to know of a signature, worked out once per signature since every keystroke binds calls again. */
interface Shape {
  named: readonly ApiParam[];
  acceptsExtraPositional: boolean;
  acceptsExtraKeywords: boolean;
}

const shapes = new WeakMap<ApiSignature, Shape>();

function shapeOf(signature: ApiSignature): Shape {
  let shape = shapes.get(signature);
  if (!shape) {
    const named = signature.params.filter((param) => param.kind === 'positional-or-keyword');
    shape = {
      named,
      acceptsExtraPositional: signature.params.some((param) => param.kind === 'var-positional'),
      acceptsExtraKeywords: signature.params.some((param) => param.kind === 'var-keyword'),
    };
    shapes.set(signature, shape);
  }
  return shape;
}

function bindSignature(
  signature: ApiSignature,
  positionalCount: number,
  keywords: readonly string[],
): { ok: true; bound: BoundArgument[] } | { ok: false; problems: BindProblem[]; bound: BoundArgument[] } {
  const { named, acceptsExtraPositional, acceptsExtraKeywords } = shapeOf(signature);
  const problems: BindProblem[] = [];
  const bound: BoundArgument[] = [];
  const filled = new Set<string>();

  if (positionalCount > named.length && !acceptsExtraPositional) {
    problems.push({ kind: 'too-many-positional', max: named.length, given: positionalCount });
  }
  for (let i = 0; i < Math.min(positionalCount, named.length); i++) {
    bound.push({ param: named[i], from: { positional: i } });
    filled.add(named[i].name);
  }
  const seenKeywords = new Set<string>();
  keywords.forEach((keyword, keywordIndex) => {
    const param = named.find((candidate) => candidate.name === keyword);
    if (seenKeywords.has(keyword) || filled.has(keyword)) {
      problems.push({ kind: 'duplicate', name: keyword, keywordIndex });
    } else if (param) {
      bound.push({ param, from: { keyword: keywordIndex } });
      filled.add(keyword);
    } else if (!acceptsExtraKeywords) {
      const suggestion = nearestName(keyword, named.map((candidate) => candidate.name).filter((name) => !filled.has(name)));
      problems.push(suggestion ? { kind: 'unknown-keyword', keyword, keywordIndex, suggestion } : { kind: 'unknown-keyword', keyword, keywordIndex });
    }
    seenKeywords.add(keyword);
  });
  const missing = named.filter((param) => param.required && !filled.has(param.name)).map((param) => param.name);
  if (missing.length > 0) problems.push({ kind: 'missing', params: missing });
  return problems.length > 0 ? { ok: false, problems, bound } : { ok: true, bound };
}
