// The simulator process the language server starts: keeps one Python engine warm, runs one scenario at a time,
// and serves live runtimes to inspectors, so a script that never returns or an engine crash can never block the
// server's request thread.
import { InspectorServer } from '../inspector/server';
import type { Transport } from '../inspector/transport';
import { ENGINE_CHOICES, EngineUnavailable, startEngine, type EngineChoice } from '../runtime/engine-choice';
import { errorSummary } from '../runtime/internal-failures';
import type { EngineHost } from '../runtime/engine-host';
import type { Runtime } from '../runtime/runtime';
import { ScenarioError } from '../runtime/scenario';
import { InputError, openRuntime, simulate } from '../runtime/simulation';
import type { SimulatorAnswer, SimulatorInspect, SimulatorRequest, SimulatorRun } from './simulator-protocol';

const send = (answer: SimulatorAnswer) => process.send?.(answer);
const scriptTimeoutMs = Number(process.env.PERISCOPE_SCRIPT_TIMEOUT_MS) || undefined;
const choice = process.env.PERISCOPE_ENGINE;
// The engine of every run: the `periscope.engine` setting, decided as the CLI decides --engine (a workspace's
// periscope.json may name the Jython jar); without a setting, Pyodide.
function start(): Promise<EngineHost> {
  const started = startEngine({
    ...(ENGINE_CHOICES.includes(choice as EngineChoice) ? { engine: choice as EngineChoice } : {}),
    ...(process.env.PERISCOPE_SOURCE ? { source: process.env.PERISCOPE_SOURCE } : {}),
    scriptTimeoutMs,
  });
  void started.then(() => send({ ready: true }), () => {});
  return started;
}

let starting = start();

/** The engine, once started; one that failed to start (its JVM killed while starting, say) is started anew next time. */
async function engine(): Promise<EngineHost> {
  const current = starting;
  try {
    return await current;
  } catch (error) {
    if (starting === current) starting = start();
    throw error;
  }
}

let queue: Promise<void> = Promise.resolve();

function run(request: SimulatorRun): void {
  queue = queue.then(async () => {
    try {
      const result = await simulate({ source: request.source, scenario: request.scenario, strict: request.strict, fixturesFile: request.fixturesFile, engine: await engine() });
      // The trace says where the runtime failed; the stacks go to the server's log, not to the person's run.
      for (const failure of result.internalFailures) process.stderr.write(`trace event ${failure.seq}: ${(failure.error as Error).stack ?? String(failure.error)}\n`);
      send({ id: request.id, result: { ...result, internalFailures: [] } });
    } catch (error) {
      const input = error instanceof InputError || error instanceof ScenarioError || error instanceof EngineUnavailable;
      if (!input) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      send({ id: request.id, error: input ? (error as Error).message : `internal error (a bug in Periscope, not in your files): ${errorSummary(error)}; the stack is in the Periscope log`, input });
    }
  });
}

/** A live runtime and the receiving end of its inspector's frames. */
interface Inspected {
  runtime: Runtime;
  server: InspectorServer;
  receive?: (text: string) => void;
  closeListeners: Array<() => void>;
}

const inspected = new Map<number, Inspected>();

/** The inspector protocol over this process's IPC channel: frames travel as text, one inspector by its id. */
function ipcTransport(id: number, entry: Inspected): Transport {
  return {
    send: (text) => send({ frame: { inspector: id, text } }),
    onFrame: (receiver) => void (entry.receive = receiver),
    onClose: (listener) => void entry.closeListeners.push(listener),
    close: () => void close(id, 'closed by the runtime'),
  };
}

async function inspect({ inspect: request }: SimulatorInspect): Promise<void> {
  try {
    const runtime = await openRuntime({ source: request.source, fixturesFile: request.fixturesFile, strict: request.strict, engine: await engine() });
    const entry: Inspected = { runtime, server: new InspectorServer(runtime, { source: request.source, ...(request.fixturesFile ? { fixtures: request.fixturesFile } : {}), server: 'periscope-vscode' }), closeListeners: [] };
    inspected.set(request.id, entry);
    entry.server.connect(ipcTransport(request.id, entry));
    send({ inspected: request.id });
  } catch (error) {
    send({ inspected: request.id, error: (error as Error).message });
  }
}

async function close(id: number, reason: string): Promise<void> {
  const entry = inspected.get(id);
  if (!entry) return;
  inspected.delete(id);
  for (const listener of entry.closeListeners) listener();
  send({ inspectorClosed: id, reason });
  await entry.runtime.dispose();
}

process.on('message', (request: SimulatorRequest) => {
  if ('scenario' in request) run(request);
  else if ('inspect' in request) void inspect(request);
  else if ('frame' in request) inspected.get(request.frame.inspector)?.receive?.(request.frame.text);
  else if ('inspectClose' in request) void close(request.inspectClose, 'closed by the inspector');
});

// The server went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
