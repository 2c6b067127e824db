// The command-line options that choose and set up the Python engine, shared by `simulate` and `test`.
import { installHint } from '../engine/jython/discover';
import { MAX_SCRIPT_TIMEOUT_MS, scriptTimeoutMs } from '../runtime/clock';
import { describeAuto, ENGINE_CHOICES, type EngineChoice, type EngineSelection } from '../runtime/engine-choice';
import { UsageError } from './command';

/** Reads one engine option into `selection`; false when `arg` is not one. `value()` takes the option's value. */
export function readEngineFlag(arg: string, value: () => string, selection: EngineSelection): boolean {
  if (arg === '--engine') {
    const engine = value();
    if (!(ENGINE_CHOICES as readonly string[]).includes(engine)) throw new UsageError(`--engine is ${ENGINE_CHOICES.join(', ')}, not ${engine}`);
    selection.engine = engine as EngineChoice;
    return true;
  }
  if (arg === '--jython') {
    selection.jython = value();
    return true;
  }
  if (arg === '--script-timeout') {
    selection.scriptTimeoutMs = readScriptTimeout(value());
    return true;
  }
  return false;
}

/** `--script-timeout`'s value in ms; a UsageError says what it takes. */
export function readScriptTimeout(text: string): number {
  const ms = scriptTimeoutMs(text);
  if (ms === undefined) throw new UsageError(`--script-timeout takes seconds (2) or a duration ("500ms", "1m") of 1 ms to ${MAX_SCRIPT_TIMEOUT_MS / 60_000} minutes, not ${text}`);
  return ms;
}

export const scriptTimeoutHelp = `  --script-timeout DURATION
                      how long one script may run before it is stopped: seconds (2) or "500ms", "1m"; over
                      periscope.json's "engine": {"scriptTimeout": ...}; default 10 s
`;

/** The options' help, saying what `auto` chooses on this machine right now. */
export function engineFlagsHelp(): string {
  return `  --engine auto|pyodide|jython
                      the Python engine. auto (the default) runs real Jython 2.7 in a JVM when Java and a Jython
                      jar are found, else Pyodide (Python 3 made to behave like Jython, no install needed).
                      Here auto chooses: ${describeAuto()}.
                      Jython has a gateway's powers over this machine (files, network, processes): run trusted scripts
  --jython JAR        the Jython 2.7 jar; otherwise periscope.json's "engine": {"jython": "JAR"}, PERISCOPE_JYTHON,
                      Debian's jython package (${installHint}) or a local Ignition install; Java comes
                      from the Ignition install, JAVA_HOME or PATH
${scriptTimeoutHelp}`;
}
