// The Pyodide engine: runs Jython 2.7 scripts, translated to Python 3, in one worker-thread interpreter.
import { translate, translateNow } from '../jython/translate';
import { LoadedScript } from './positions';
import { startSupervisedEngine, type PreparedLoad } from './supervisor';
import type { Engine, EngineOptions, LoadRequest } from './types';
import { WorkerHandle } from './worker-handle';

/** Starts the worker and resolves once the interpreter is ready for loads. */
export function createPyodideEngine(options: EngineOptions): Promise<Engine> {
  return startSupervisedEngine(options, {
    name: 'the Python engine',
    spawn: (firstRef, answerHostCall) =>
      new WorkerHandle({ modules: options.modules ?? {}, argDecoder: options.argDecoder, firstRef }, (request) => translated(request) ?? answerHostCall(request)),
    prepare,
  });
}

/** exec and eval of Python 2 text a script builds: the worker asks for it translated like a script. */
function translated(request: string): string | undefined {
  if (!request.startsWith('["$translate"')) return undefined;
  const [, [text]] = JSON.parse(request) as [string, [string]];
  try {
    return JSON.stringify({ value: translateNow(String(text)).code });
  } catch (error) {
    return JSON.stringify({ error: ['SyntaxError', (error as Error).message] });
  }
}

async function prepare(request: LoadRequest): Promise<PreparedLoad> {
  const { script } = request;
  const loaded = new LoadedScript(script, await translate(script.text, { file: script.id }));
  const divergences = loaded.divergences();
  if (!request.strict || divergences.length === 0) return { loaded, divergences };
  // The gateway refuses to compile the script: fail at the first Python-3-only construct, running nothing, with
  // Jython's own words where they are known.
  const first = loaded.translation.py3Only[0];
  const refused = first.compiler ? loaded.refusal(first.compiler.offset, first.compiler.message) : loaded.refusal(first.offset, first.message);
  return { loaded, divergences, refused };
}
