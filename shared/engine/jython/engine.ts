// The Jython engine: runs scripts on a real Jython 2.7 in one long-lived JVM, with the same guarantees as Pyodide's.
//
// A gateway's Jython has the whole JVM at hand (files, network, processes): so has this engine. The CLI uses it
// when asked (--engine jython) or chosen by --engine auto; nothing else starts it on its own.
import { lowerToJython, sharedPythonParser } from '../../jython/lower';
import { LoadedScript } from '../positions';
import { startSupervisedEngine } from '../supervisor';
import type { Engine, EngineOptions } from '../types';
import { columnFinder } from './columns';
import { JvmHandle, type JvmSetup } from './jvm';

/** Starts the JVM and resolves once Jython is ready for loads. */
export function createJythonEngine(options: EngineOptions, setup: JvmSetup): Promise<Engine> {
  return startSupervisedEngine(options, {
    name: 'the Jython engine',
    spawn: (firstRef, answerHostCall) =>
      new JvmHandle(setup, { modules: options.modules ?? {}, argDecoder: options.argDecoder, firstRef }, answerHostCall),
    async prepare(request) {
      // Strict: Jython gets the text as written and refuses Python 3 forms exactly as the gateway's compiler does.
      const translation = await lowerToJython(request.script.text, { file: request.script.id, rewrite: !request.strict });
      // Jython's frames have lines only: their columns are read from the code's syntax tree when a script fails.
      const loaded = new LoadedScript(request.script, translation, columnFinder(await sharedPythonParser(), translation.code));
      // A construct lowering has no Python 2.7 form for stays, and Jython would refuse the script for it with a
      // message that does not name it ("no viable alternative at input"): the load is refused here, naming it.
      const kept = translation.py3Only.find((use) => use.unlowered);
      return { loaded, divergences: loaded.divergences(), ...(kept?.unlowered ? { refused: loaded.refusal(kept.offset, kept.unlowered) } : {}) };
    },
  });
}
