// Runs a scenario's steps against a runtime, one at a time, and checks its expectations.
import { jsonText } from '../engine/json-text';
import type { Json } from '../engine/types';
import { firstDifference, valueAt, type Difference } from './expect';
import { ClockError } from './clock';
import type { SessionDriver } from './driver';
import type { Scenario, Step } from './scenario';
import { countMatching } from './trace-count';
import { brief } from './format-text';

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

export async function runScenario(runtime: SessionDriver, scenario: Scenario): Promise<ScenarioResult> {
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

/** Checks an expectation step, or performs any other step; returns why it could not be performed, if it could not. */
async function perform(runtime: SessionDriver, step: Step, pass: Pass, fail: Fail): Promise<string | undefined> {
  if (step.kind === 'expect_trace') {
    const found = countMatching(runtime.trace.events, step.session, step.match);
    const text = jsonText(step.match);
    if (step.count !== undefined ? found === step.count : found > 0) pass(step, `trace has ${found} × ${text}`);
    else fail(step, step.count !== undefined ? `expected ${step.count} events like ${text}, found ${found}` : `no event like ${text} in the trace`, { expected: step.match, actual: found });
    return undefined;
  }
  if (step.kind === 'expect') {
    const session = runtime.session(step.session);
    for (const [path, expected] of Object.entries(step.values)) {
      let actual: Json | undefined;
      try {
        actual = valueAt(session, path);
      } catch (error) {
        fail(step, (error as Error).message);
        continue;
      }
      const difference = firstDifference(actual, expected);
      if (!difference) pass(step, `${path} = ${brief(expected, SHOWN)}`);
      else fail(step, mismatch(path, expected, actual, difference), { expected, actual: actual ?? null });
    }
    return undefined;
  }
  return performStep(runtime, step);
}

/** How much of a value a pass or failure line shows: the whole of it is in the JSON result. */
const SHOWN = 200;

/**
 * A failed expectation in one line: values longer than SHOWN cut (a 50 MB value would make a 50 MB line), and,
 * when one is cut, the first place the two differ.
 */
function mismatch(path: string, expected: Json, actual: Json | undefined, difference: Difference): string {
  if (actual === undefined) return `expected ${path} to be ${brief(expected, SHOWN)}, but it is missing`;
  const [shownExpected, shownActual] = [brief(expected, SHOWN), brief(actual, SHOWN)];
  const line = `expected ${path} to be ${shownExpected}, but it is ${shownActual}`;
  const cut = shownExpected.endsWith('…') || shownActual.endsWith('…');
  if (!cut || difference.path === '') return line;
  const found = difference.actual === undefined ? 'nothing' : brief(difference.actual, 80);
  return `${line}; they first differ at ${path}${difference.path}: ${brief(difference.expected, 80)} expected, ${found} found`;
}

/** A step a person takes (every kind but the expectations). */
export type ActionStep = Exclude<Step, { kind: 'expect' | 'expect_trace' }>;

/**
 * Performs one step as a person would, on the session's queue; returns why it could not be performed, if it
 * could not. Scenarios and live inspectors both drive a runtime through here, so a recording replays alike.
 */
export async function performStep(runtime: SessionDriver, step: ActionStep): Promise<string | undefined> {
  if (step.kind === 'open') {
    await runtime.enqueue(step.session, async () => {
      await runtime.openPage(step.session, step.path, step.device);
    });
    return undefined;
  }
  if (step.kind === 'advance') {
    await runtime.settle();
    try {
      await runtime.advance(step.ms, step.session);
    } catch (error) {
      if (error instanceof ClockError) return error.message;
      throw error;
    }
    return undefined;
  }
  const session = runtime.session(step.session);
  if (!session || session.closed) return `session "${step.session}" is not open; open a page first with {"open": "/home", "session": "${step.session}"}`;
  let problem: string | undefined;
  await runtime.enqueue(session.id, async () => {
    if (step.page !== undefined) {
      const page = session.page(step.page);
      if (!page || page.closed) {
        problem = `page "${step.page}" is not open in session ${session.id}; open pages: ${session.openPages().map((p) => p.id).join(', ') || 'none'}`;
        return;
      }
      runtime.usePage(page);
    }
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
      case 'activity':
        await runtime.activity(session);
        break;
      case 'key':
        problem = await runtime.key(session, step.key, step.modifiers, step.handler);
        break;
      case 'send':
        problem = runtime.sendToComponents(session, { type: step.type, payload: step.payload, scope: step.scope, view: step.view });
        break;
      case 'barcode':
        await runtime.barcode(session, step.data);
        break;
      case 'event':
        problem = await runtime.fire(session, step.event, step.args, step.name);
        break;
      case 'action':
        problem = await runtime.performAction(session, step);
        if (!problem) await runtime.activity(session);
        break;
      case 'write':
        for (const [path, value] of Object.entries(step.values)) {
          problem = runtime.writeFromClient(session, path, value);
          if (problem) break;
        }
        break;
      case 'close':
        await runtime.close(session);
        break;
      case 'close_page':
        if (session.lastPage && !session.lastPage.closed) await runtime.closePage(session.lastPage);
        else problem = 'the session has no open page to close';
        break;
    }
  });
  return problem;
}
