// Runs a scenario's steps against a runtime, one at a time, and checks its expectations.
import type { Json } from '../engine/types';
import { eventMatches, sameValue, valueAt } from './expect';
import type { Runtime } from './runtime';
import type { Scenario, Step } from './scenario';
import { parsePath, TreeError } from './tree';
import { scriptMayWrite } from './session-props';
import { performAction, writeViewFromClient } from './views/actions';
import { sendComponentMessage } from './views/messages';

export interface ExpectationFailure {
  step: number;
  message: string;
  expected?: Json;
  actual?: Json | null;
}

export interface ScenarioResult {
  passed: number;
  failed: number;
  failures: ExpectationFailure[];
}

export async function runScenario(runtime: Runtime, scenario: Scenario): Promise<ScenarioResult> {
  const result: ScenarioResult = { passed: 0, failed: 0, failures: [] };
  const fail = (step: Step, message: string, detail: Partial<ExpectationFailure> = {}) => {
    const failure = { step: step.index, message: `${scenario.file}: step ${step.index}: ${message}`, ...detail };
    result.failed++;
    result.failures.push(failure);
    runtime.event({ kind: 'expect', session: step.session, step: step.index, passed: false, message: failure.message });
  };
  const pass = (step: Step, message: string) => {
    result.passed++;
    runtime.event({ kind: 'expect', session: step.session, step: step.index, passed: true, message });
  };
  for (const step of scenario.steps) {
    const problem = await perform(runtime, step, pass, fail);
    if (problem) fail(step, problem);
    await runtime.settle();
  }
  return result;
}

type Pass = (step: Step, message: string) => void;
type Fail = (step: Step, message: string, detail?: Partial<ExpectationFailure>) => void;

/** Performs one step; returns why it could not be performed, if it could not. */
async function perform(runtime: Runtime, step: Step, pass: Pass, fail: Fail): Promise<string | undefined> {
  if (step.kind === 'open') {
    await runtime.enqueue(step.session, async () => {
      await runtime.openPage(step.session, step.path, step.device);
    });
    return undefined;
  }
  if (step.kind === 'advance') {
    await runtime.settle();
    await runtime.advance(step.ms, step.session);
    return undefined;
  }
  if (step.kind === 'expect_trace') {
    const found = runtime.trace.events.filter((e) => (e.session === step.session || e.session === null) && e.kind !== 'expect' && eventMatches(e, step.match));
    const text = JSON.stringify(step.match);
    if (step.count !== undefined ? found.length === step.count : found.length > 0) pass(step, `trace has ${found.length} × ${text}`);
    else fail(step, step.count !== undefined ? `expected ${step.count} events like ${text}, found ${found.length}` : `no event like ${text} in the trace`, { expected: step.match, actual: found.length });
    return undefined;
  }
  const session = runtime.session(step.session);
  if (step.kind === 'expect') {
    for (const [path, expected] of Object.entries(step.values)) {
      let actual: Json | undefined;
      try {
        actual = valueAt(session, path);
      } catch (error) {
        fail(step, (error as Error).message);
        continue;
      }
      if (sameValue(actual, expected)) pass(step, `${path} = ${JSON.stringify(expected)}`);
      else fail(step, `expected ${path} to be ${JSON.stringify(expected)}, but it is ${actual === undefined ? 'missing' : JSON.stringify(actual)}`, { expected, actual: actual ?? null });
    }
    return undefined;
  }
  if (!session || session.closed) return `session "${step.session}" is not open; open a page first with {"open": "/home", "session": "${step.session}"}`;
  let problem: string | undefined;
  await runtime.enqueue(session.id, async () => {
    switch (step.kind) {
      case 'navigate': {
        const page = session.lastPage;
        if (!page) problem = 'the session has no page to navigate';
        else {
          runtime.navigatePage(page, step.path);
          await runtime.activity(session);
        }
        break;
      }
      case 'login':
        if (!(await runtime.login(session, step.user, step.password))) problem = `login as "${step.user}" failed (see the auth event)`;
        break;
      case 'logout':
        await runtime.logout(session);
        break;
      case 'message':
        await runtime.message(session, step.name, step.payload);
        break;
      case 'send':
        sendComponentMessage(runtime, { type: step.name, payload: step.payload, scope: step.scope, session, page: session.lastPage });
        break;
      case 'activity':
        await runtime.activity(session);
        break;
      case 'key':
        await runtime.key(session, step.key);
        break;
      case 'barcode':
        await runtime.barcode(session, step.data);
        break;
      case 'action':
        problem = await performAction(runtime, session, step);
        if (!problem) await runtime.activity(session);
        break;
      case 'write':
        problem = writeFromClient(runtime, step);
        break;
      case 'close':
        await runtime.close(session);
        break;
    }
  });
  return problem;
}

/** A write from the client (the panel, a binding): custom props and public session props only. */
function writeFromClient(runtime: Runtime, step: Extract<Step, { kind: 'write' }>): string | undefined {
  const session = runtime.session(step.session)!;
  for (const [path, value] of Object.entries(step.values)) {
    try {
      if (path.startsWith('view:')) {
        const problem = writeViewFromClient(session, runtime, path, value);
        if (problem) return problem;
        continue;
      }
      const [head, ...rest] = path.split('.');
      const parts = parsePath(rest.join('.'));
      if (head === 'custom') runtime.writeSession(session, 'custom', parts, value);
      else if (head === 'props' && scriptMayWrite(parts)) runtime.writeSession(session, 'props', parts, value);
      else if (head === 'props') return `${path} is not writable from a client: the gateway owns it`;
      else return `"${path}" is not a writable path; write custom.<name> or props.theme, props.locale...`;
    } catch (error) {
      return error instanceof TreeError ? `cannot write ${path}: ${error.message}` : String(error);
    }
  }
  return undefined;
}
