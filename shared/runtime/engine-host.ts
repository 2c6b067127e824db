// One Python engine shared by runtimes, with the lock that makes script runs serial and host calls attributable.
import type { Engine, EngineOptions, Value } from '../engine/types';
import { componentModule } from './python/component.py';
import { perspectiveModule } from './python/perspective.py';
import { systemModule } from './python/system.py';

/** What a runtime gives the engine while its scripts run. */
export interface EngineClient {
  /** `replaying`: a replaced worker is re-running earlier loads; answer, but record nothing. */
  hostCall(name: string, args: Value[], replaying: boolean): Value;
  /** What scripts print (a gateway sends it to its wrapper log). */
  output(text: string, stream: 'stdout' | 'stderr'): void;
}
export type EngineFactory = (options: EngineOptions) => Promise<Engine>;

/** Which engine runs the scripts and why: the trace's first line. */
export interface EngineIdentity {
  name: 'pyodide' | 'jython';
  /** What the engine says it is: "Jython 2.7.3 on Java 17.0.15 (OpenJDK 64-Bit Server VM)". */
  about: string;
  reason: string;
}

/** The Python modules every script can import; `system` comes from here. */
export const runtimeModules: Record<string, string> = {
  periscope_perspective: perspectiveModule,
  periscope_system: systemModule,
  periscope_components: componentModule,
};

export class EngineHost {
  private active: EngineClient | undefined;
  private last: EngineClient | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private nextSpace = 1;

  private constructor(
    readonly engine: Engine,
    readonly identity: EngineIdentity,
  ) {}

  static async start(
    factory: EngineFactory,
    options: { scriptTimeoutMs?: number; name?: EngineIdentity['name']; reason?: string } = {},
  ): Promise<EngineHost> {
    let host: EngineHost | undefined;
    const engine = await factory({
      scriptTimeoutMs: options.scriptTimeoutMs,
      modules: runtimeModules,
      argDecoder: 'periscope_perspective.decode',
      hostCall: (name, args, context) => {
        const replaying = context?.replaying ?? false;
        const client = host?.active ?? (replaying ? host?.last : undefined);
        if (!client) throw new Error(`host call ${name} arrived while no script was running`);
        return client.hostCall(name, args, replaying);
      },
      onOutput: (text, stream) => host?.active?.output(text, stream),
    });
    const name = options.name ?? (engine.about?.startsWith('Jython') ? 'jython' : 'pyodide');
    host = new EngineHost(engine, { name, about: engine.about ?? name, reason: options.reason ?? 'the engine this runtime was started with' });
    return host;
  }

  /** A prefix that keeps one runtime's namespaces apart from another's on the same engine. */
  namespacePrefix(): string {
    return `r${this.nextSpace++}:`;
  }

  /** Runs `work` alone on the engine, with `client` answering its host calls. */
  exclusive<T>(client: EngineClient, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.active = client;
      this.last = client;
      try {
        return await work();
      } finally {
        this.active = undefined;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  dispose(): Promise<void> {
    return this.engine.dispose();
  }
}
