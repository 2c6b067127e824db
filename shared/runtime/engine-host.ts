// One Python engine shared by runtimes, with the lock that makes script runs serial and host calls attributable.
import type { Engine, EngineOptions, Value } from '../engine/types';
import { perspectiveModule } from './python/perspective.py';
import { systemModule } from './python/system.py';

/** `replaying`: a replaced worker is re-running earlier loads; answer, but record nothing. */
export type HostCallHandler = (name: string, args: Value[], replaying: boolean) => Value;
export type EngineFactory = (options: EngineOptions) => Promise<Engine>;

/** The Python modules every script can import; `system` comes from here. */
export const runtimeModules: Record<string, string> = {
  periscope_perspective: perspectiveModule,
  periscope_system: systemModule,
};

export class EngineHost {
  private active: HostCallHandler | undefined;
  private last: HostCallHandler | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private nextSpace = 1;

  private constructor(readonly engine: Engine) {}

  static async start(factory: EngineFactory, options: { scriptTimeoutMs?: number } = {}): Promise<EngineHost> {
    let host: EngineHost | undefined;
    const engine = await factory({
      scriptTimeoutMs: options.scriptTimeoutMs,
      modules: runtimeModules,
      argDecoder: 'periscope_perspective.decode',
      hostCall: (name, args, context) => {
        const replaying = context?.replaying ?? false;
        const handler = host?.active ?? (replaying ? host?.last : undefined);
        if (!handler) throw new Error(`host call ${name} arrived while no script was running`);
        return handler(name, args, replaying);
      },
    });
    host = new EngineHost(engine);
    return host;
  }

  /** A prefix that keeps one runtime's namespaces apart from another's on the same engine. */
  namespacePrefix(): string {
    return `r${this.nextSpace++}:`;
  }

  /** Runs `work` alone on the engine, with `handler` answering its host calls. */
  exclusive<T>(handler: HostCallHandler, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.active = handler;
      this.last = handler;
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
