// Running a runtime's scripts on the shared engine: loads, handler calls, host calls, and their trace events.
import type { Json, Outcome, Value } from '../engine/types';
import { HostError } from '../engine/types';
import type { EngineClient, EngineHost } from './engine-host';
import { hostCalls } from './host/index';
import { errorSummary } from './internal-failures';
import { prelude, PRELUDE_HAS_FUNCTION } from './prelude';
import type { Handler, RunContext, ScriptContext, ScriptLoad, ScriptRunner } from './handler';
import type { RuntimeParts, Scripts } from './parts';
import type { Page, Session } from './session';
import type { NewEvent, ScriptErrorInfo } from './trace';
import { TreeError, isObject } from './tree';

/** A result as the trace shows it: Python objects kept by the engine are named, not numbered (numbers vary by run). */
function withoutRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (isObject(value)) {
    if (Object.keys(value).length === 1 && typeof value.$ref === 'number') return '<python object>';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRefs(v)]));
  }
  return value;
}

export class ScriptRuns implements Scripts {
  /** The script running right now, if any. */
  current: ScriptContext | undefined;
  private readonly prefix: string;
  private readonly preludeLoaded = new Set<string>();
  /** Set while a call runs that must leave no trace (getting a lost handler again after the engine restarted). */
  private silent = false;

  constructor(
    /** What host calls answer from: the whole runtime, as Python's `system` reaches all of it. */
    private readonly parts: RuntimeParts,
    private readonly engine: EngineHost,
    /**
     * The limit on each run of the project's scripts (`--script-timeout`); else periscope.json's, else the engine's
     * own. The runtime's plumbing (preludes, looking up functions) keeps the engine's limit.
     */
    private readonly scriptTimeoutMs?: number,
  ) {
    this.prefix = engine.namespacePrefix();
  }

  /** What a project source uses to load its scripts and call its configuration functions. */
  runner(): ScriptRunner {
    return {
      load: (load) => this.load(load),
      call: async (namespace, name, label, file, line, options) => {
        const handler: Handler = { label, target: { namespace, name }, file, line };
        const outcome = options?.quiet ? await this.runQuietly(handler) : await this.invoke(handler, [], {});
        return outcome.ok ? outcome.value : undefined;
      },
      hasFunction: async (namespace, name) => {
        const outcome = await this.engine.exclusive(this.client, () =>
          this.engine.engine.invoke({ target: { namespace: this.ns(namespace), name: PRELUDE_HAS_FUNCTION }, args: [name] }));
        return outcome.ok && outcome.value === true;
      },
      problem: (rule, message, file, line) => {
        this.parts.trace.add({ kind: 'log', session: null, logger: 'periscope', level: 'error', message: `${file}:${line}: ${message}` });
        this.parts.divergences.failStrict(rule, `${file}:${line}: ${message}`);
      },
    };
  }

  /** Runs a handler for an event and traces it; never throws for a script's own failure. */
  async invoke(handler: Handler, args: Value[], context: RunContext, event = 'call'): Promise<Outcome> {
    const ctx: ScriptContext = { ...context, handler };
    if (handler.simulatorOnly) {
      this.parts.divergences.report('not-a-session-event', `${handler.label} is not a Perspective session event: a gateway never runs it (the document's convention runs it here)`, { file: handler.file, line: handler.line }, ctx);
    }
    let outcome = await this.run(handler.target, args, ctx);
    if (!outcome.ok && handler.refresh && /no longer kept by the engine/.test(outcome.error.message)) {
      const target = await handler.refresh();
      if (target) {
        handler.target = target;
        outcome = await this.run(target, args, ctx);
      }
    }
    this.record(outcome, handler, event, context);
    return outcome;
  }

  /** Lets the engine forget a Python object kept for a later invoke. */
  release(ref: number): void {
    this.engine.engine.release(ref);
  }

  private timeoutMs(): number | undefined {
    return this.scriptTimeoutMs ?? this.parts.fixtures.engine?.scriptTimeoutMs;
  }

  private ns(namespace: string): string {
    return this.prefix + namespace;
  }

  private run(target: Handler['target'], args: Value[], ctx: ScriptContext): Promise<Outcome> {
    return this.engine.exclusive(this.client, async () => {
      this.current = ctx;
      try {
        return await this.engine.engine.invoke({ target: 'ref' in target ? target : { namespace: this.ns(target.namespace), name: target.name }, args, timeoutMs: this.timeoutMs() });
      } finally {
        this.current = undefined;
      }
    });
  }

  /** A call whose script event, host-call events and output already happened once: it runs again unrecorded. */
  private async runQuietly(handler: Handler): Promise<Outcome> {
    this.silent = true;
    try {
      return await this.run(handler.target, [], { handler });
    } finally {
      this.silent = false;
    }
  }

  private async load(load: ScriptLoad): Promise<boolean> {
    const handler: Handler = { label: load.label, target: { namespace: load.namespace, name: '' }, file: load.script.origin.file, line: load.script.origin.position(0).line };
    const outcome = await this.engine.exclusive(this.client, async () => {
      this.current = { handler };
      try {
        if (!this.preludeLoaded.has(load.namespace)) {
          this.preludeLoaded.add(load.namespace);
          await this.engine.engine.load({ script: prelude(load.script.role), namespace: this.ns(load.namespace), internal: true });
        }
        return await this.engine.engine.load({ script: load.script, namespace: this.ns(load.namespace), strict: this.parts.strict, timeoutMs: this.timeoutMs() });
      } finally {
        this.current = undefined;
      }
    });
    if (!(load.quiet && outcome.ok)) this.record(outcome, handler, 'load', {});
    return outcome.ok;
  }

  private record(outcome: Outcome, handler: Handler, event: string, context: { session?: Session; page?: Page }): void {
    for (const d of outcome.divergences) this.parts.divergences.report(d.rule, d.message, d, { ...context, handler });
    const base = { kind: 'script' as const, session: context.session?.id ?? null, page: context.page?.id, name: handler.label, event, file: handler.file, line: handler.line, durationMs: Math.round(outcome.durationMs * 1000) / 1000 };
    if (outcome.ok) {
      this.parts.trace.add({ ...base, status: 'ok', ...(event !== 'load' && outcome.value !== null ? { result: withoutRefs(outcome.value) } : {}) } as NewEvent);
      return;
    }
    const error: ScriptErrorInfo = { ...outcome.error, traceback: outcome.error.traceback.map((f) => ({ ...f })) };
    this.parts.trace.add({ ...base, status: 'error', error } as NewEvent);
    this.parts.divergences.failStrict('script-error', `${error.file}:${error.line}: ${error.type}: ${error.message}`);
  }

  private readonly client: EngineClient = {
    hostCall: (name, args, replaying) => this.hostCall(name, args, replaying || this.silent),
    // print in a gateway-scope script goes to the gateway's wrapper log.
    output: (text, stream) => {
      if (this.silent) return;
      const current = this.current;
      this.parts.trace.add({ kind: 'log', session: current?.session?.id ?? null, page: current?.page?.id, logger: stream, level: stream === 'stderr' ? 'error' : 'info', message: text.replace(/\n$/, '') });
    },
  };

  /** Answers Python's host calls; handler failures become Python exceptions in the calling script. */
  private hostCall(name: string, args: Value[], unrecorded: boolean): Value {
    const call = hostCalls[name];
    if (!call) throw new HostError('AttributeError', `periscope has no host call '${name}'`);
    const trace = this.parts.trace;
    trace.muted = unrecorded;
    try {
      return call(this.parts, args);
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (error instanceof TreeError) throw new HostError(error.type, error.message);
      // Anything else is the simulation failing, a bug in Periscope: traced as one, and the script gets an error
      // that says so instead of one that blames it.
      trace.muted = false;
      if (!unrecorded) this.parts.internal.report(this.current?.session?.id ?? null, error);
      throw new HostError('RuntimeError', `Periscope failed to simulate this call (a bug in Periscope, not in this script): ${errorSummary(error)}`);
    } finally {
      trace.muted = false;
    }
  }
}
