// `periscope simulate`: runs session scripts through a scenario and prints the trace.
import type { EngineSelection } from '../runtime/engine-choice';
import { formatTrace } from '../runtime/format-text';
import { jsonText } from '../engine/json-text';
import { timeoutLine } from '../runtime/timeouts';
import { readScenario, ScenarioError, type Scenario } from '../runtime/scenario';
import { defaultScenarioFile, InputError, resolveSource, simulate, type SimulationResult } from '../runtime/simulation';
import { optionValue, UsageError, type Command, type CliIo } from './command';
import { engineFlagsHelp, readEngineFlag } from './engine-flags';
import { RunInternalFailures } from './internal-error';
import { withEngine } from './with-engine';
import { toleratedSummary } from './tolerated';

const help = () => `Usage: periscope simulate <source> [--scenario FILE] [--format text|json] [--strict] [--engine auto|pyodide|jython] [--jython JAR]
                         [--script-timeout DURATION]

Runs Perspective session scripts in a simulated session and prints what happened, event by event.

  <source>            a session-script document (.md), a .py file of event functions, or a folder holding one
                      (its scenario.json runs when no --scenario is given)
  --scenario FILE     the steps to take (JSON or YAML); default: open the first configured page, then close
  --format text|json  one line per event (default), or one JSON object with events, sessions and expectations
  --strict            fail where a real gateway would fail (Python 3 syntax, session.id, page calls in Startup...)
${engineFlagsHelp()}
Scenario steps (JSON {"steps": [...]} or YAML; each may name a "session", default "s1"):
  {"open": "/home", "device": "desktop"|"mobile"}   first open runs Startup; every open runs Page Startup
  {"navigate": "/dashboard"}   {"login": "admin", "password": "..."}   {"logout": true}
  {"message": "updatePreference", "payload": {...}}   a Session Events message handler (sendMessage scope "S")
  {"send": "refresh", "payload": {...}, "scope": "session"|"page"|"view", "view": "primary"}
                               component message handlers, as system.perspective.sendMessage
  {"activity": true}   {"advance": 840 | "14m"}   {"key": "Enter", "modifiers": {"ctrlKey": true}, "handler": "<only this one>"}
  {"barcode": "text"}
  {"write": {"custom.a.b": 1, "page.props.title": "x"}}   {"close_page": true}   {"close": true}
  {"event": "onBluetoothReceived", "args": {"data": {...}}}   also onAccelerometerDataReceived, onNdefDataReceived
  {"event": "onAuthChallengeCompleted", "args": {"payload": {...}, "result": {"success": true}}}
  {"event": "handleSubmission", "name": "<form handler>", "args": {"data": {...}}}
                               a session event a device, an identity provider or a form fires; arguments by name
  Steps a person takes on a page (navigate, login, logout, send, activity, key, barcode, event, write, close_page, action)
  may name it:
  "page": "s1-p2"; without one they run on the session's last page.
  {"action": {"view": "Overview", "component": "root/AddOrder", "event": "onActionPerformed", "data": {...}}}
                               runs a component's event script on the current page (project folders)
  {"expect": {"custom.preferences.theme": "dark", "page.path": "/dashboard", "props.auth.user.userName": "admin"}}
  {"expect": {"view:Overview/root/Table.props.data": [], "view:Area/Detail.params.area": "filler"}}
                               view:<view>[/<component>].<props|custom|params|meta>... paths work in write too
  {"expect_trace": {"kind": "query", "name": "LogSessionMetrics"}, "count": 1}

Exit codes: 0 ran (script errors are part of the trace), 1 an expectation failed or a --strict divergence,
2 bad usage or unreadable input, 3 an internal error (a bug in Periscope; --debug prints its stack).
`;

export interface SimulateArgs {
  source: string;
  scenario?: string;
  format: 'text' | 'json';
  strict: boolean;
  engine: EngineSelection;
}

export function parseSimulateArgs(args: string[]): SimulateArgs {
  const out: Partial<SimulateArgs> & { engine: EngineSelection } = { format: 'text', strict: false, engine: { engine: 'auto' } };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => optionValue(args, ++i, arg);
    if (arg === '--scenario') out.scenario = value();
    else if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not ${format}`);
      out.format = format;
    } else if (arg === '--strict') out.strict = true;
    else if (readEngineFlag(arg, value, out.engine)) continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (out.source === undefined) out.source = arg;
    else throw new UsageError(`one source at a time (got ${out.source} and ${arg})`);
  }
  if (out.source === undefined) throw new UsageError('name the session scripts to run, e.g. periscope simulate examples/seed');
  return out as SimulateArgs;
}

/** 1 when an expectation failed or a strict run diverged, else 0. */
export function exitCodeOf(result: SimulationResult): number {
  return result.expectations.failed > 0 || result.strictFailures.length > 0 ? 1 : 0;
}

export function printResult(result: SimulationResult, format: 'text' | 'json', io: CliIo): void {
  if (result.tolerated.length > 0) io.stderr(`periscope simulate: ${toleratedSummary(result.tolerated)}\n`);
  if (format === 'json') {
    // Internal failures are in the trace as events; their stacks go to the crash report, never to stdout.
    const { strictFailures, tolerated: _tolerated, internalFailures: _internal, ...rest } = result;
    io.stdout(jsonText(strictFailures.length ? { ...rest, strictFailures } : rest, 2) + '\n');
    return;
  }
  io.stdout(formatTrace(result.events, io.isTTY));
  const { passed, failed } = result.expectations;
  if (passed + failed > 0) io.stdout(`\nexpectations: ${passed} passed, ${failed} failed\n`);
  for (const failure of result.strictFailures) io.stdout(`strict: ${failure.rule}: ${failure.message}\n`);
  if (result.timeouts) io.stdout(`${timeoutLine(result.timeouts)}\n`);
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Run session scripts in a simulated Perspective session and print the trace',
  get help() {
    return help();
  },
  async run(args, io) {
    const options = parseSimulateArgs(args);
    let scenario: Scenario | undefined;
    try {
      resolveSource(options.source);
      const scenarioFile = options.scenario ?? defaultScenarioFile(options.source);
      if (scenarioFile) scenario = await readScenario(scenarioFile);
    } catch (error) {
      if (error instanceof InputError || error instanceof ScenarioError) {
        io.stderr(`periscope simulate: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    // The engine starts while the scripts and fixtures are read.
    return withEngine('simulate', io, { ...options.engine, source: options.source }, async (engine) => {
      const result = await simulate({ source: options.source, scenario, strict: options.strict, engine, scriptTimeoutMs: options.engine.scriptTimeoutMs });
      printResult(result, options.format, io);
      if (result.internalFailures.length > 0) throw new RunInternalFailures(result.internalFailures);
      return exitCodeOf(result);
    });
  },
};
