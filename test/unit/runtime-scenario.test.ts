import { strict as assert } from 'node:assert';
import { parseScenario, ScenarioError, stepToJson } from '../../shared/runtime/scenario';

const parse = (steps: unknown) => parseScenario('walk.json', JSON.stringify({ source: 'scripts.md', steps }));

describe('scenario files', () => {
  it('reads every kind of step, with s1 as the default session', () => {
    const scenario = parse([
      { open: '/home', device: 'mobile' },
      { navigate: '/dashboard', session: 's2' },
      { login: 'admin', password: 'pw' },
      { message: 'updatePreference', payload: { name: 'theme', value: 'dark' } },
      { activity: true },
      { advance: '14m' },
      { key: 'Enter' },
      { barcode: 'ABC-123' },
      { write: { 'custom.a': 1 } },
      { logout: true },
      { close: true },
      { expect: { 'page.path': '/dashboard' } },
      { expect_trace: { kind: 'query' }, count: 2 },
    ]);
    assert.match(scenario.source!, /scripts\.md$/);
    assert.deepEqual(scenario.steps.map((s) => [s.kind, s.session, s.index]).slice(0, 3), [['open', 's1', 1], ['navigate', 's2', 2], ['login', 's1', 3]]);
    assert.deepEqual(scenario.steps[0], { kind: 'open', path: '/home', device: 'mobile', session: 's1', index: 1 });
    assert.deepEqual(scenario.steps[5], { kind: 'advance', ms: 840_000, session: 's1', index: 6 });
    assert.deepEqual(scenario.steps[12], { kind: 'expect_trace', match: { kind: 'query' }, count: 2, session: 's1', index: 13 });
  });

  it('accepts a bare list of steps, and YAML', () => {
    assert.equal(parseScenario('a.json', '[{"open": "/"}]').steps.length, 1);
    assert.deepEqual(parseScenario('a.yaml', 'steps:\n  - open: /home\n  - advance: 60\n').steps.map((s) => s.kind), ['open', 'advance']);
  });

  it('names the file and the step index of an unknown step', () => {
    assert.throws(() => parse([{ open: '/' }, { teleport: '/mars' }]), (e: unknown) =>
      e instanceof ScenarioError && /walk\.json: step 2: unknown step "teleport"/.test(e.message));
  });

  it('rejects a message payload that is not a dict', () => {
    assert.throws(() => parse([{ message: 'refreshData', payload: ['alarms'] }]), /step 1: the payload of a message is a dict/);
  });

  it('rejects unreadable durations, stray keys and two actions in one step', () => {
    assert.throws(() => parse([{ advance: 'soon' }]), /step 1: advance takes seconds/);
    assert.throws(() => parse([{ open: '/', payload: {} }]), /step 1: "payload" does not belong in a open step/);
    assert.throws(() => parse([{ open: '/', close: true }]), /step 1: one action per step/);
    assert.throws(() => parse([{ write: { 'custom.__proto__.x': 1 } }]), /step 1: '__proto__' cannot be used/);
  });

  it('shows a wrong step or payload in one short line, however deep or large it is', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    assert.throws(() => parseScenario('deep.json', `{"steps": ${deep}}`), (e: unknown) =>
      e instanceof ScenarioError && e.message === `deep.json: step 1: a step is an object such as {"open": "/home"}, not ${'['.repeat(99)}…`);
    assert.throws(() => parse([{ message: 'm', payload: 'x'.repeat(50_000_000) }]), (e: unknown) =>
      e instanceof ScenarioError && e.message === `walk.json: step 1: the payload of a message is a dict (Perspective passes a PyDictionary), not "${'x'.repeat(98)}…`);
    assert.throws(() => parseScenario('deep.json', `{"steps": [{"event": ${deep}}]}`), (e: unknown) =>
      e instanceof ScenarioError && e.message.endsWith(`, not ${'['.repeat(99)}…`));
  });

  it('reads the events a device, an identity provider or a form fires, and a keystroke for one handler, and writes them back alike', () => {
    const scenario = parse([
      { event: 'onBluetoothReceived', args: { data: { value: 'AA:01' } } },
      { event: 'handleSubmission', name: 'contact', args: { data: { email: 'ada@example.com' }, retry: true } },
    ]);
    assert.deepEqual(scenario.steps[0], { kind: 'event', event: 'onBluetoothReceived', args: { data: { value: 'AA:01' } }, session: 's1', index: 1 });
    assert.deepEqual(scenario.steps.map(stepToJson), [
      { event: 'onBluetoothReceived', args: { data: { value: 'AA:01' } }, session: 's1' },
      { event: 'handleSubmission', args: { data: { email: 'ada@example.com' }, retry: true }, session: 's1', name: 'contact' },
    ]);
    assert.deepEqual(parse([{ key: 'F5', handler: 'quickRefresh' }]).steps[0], { kind: 'key', key: 'F5', handler: 'quickRefresh', session: 's1', index: 1 });
    assert.throws(() => parse([{ key: 'F5', handler: '' }]), /step 1: "handler" names a keystroke handler/);
    assert.throws(() => parse([{ event: 'onTeleport' }]), /step 1: event is one of onAuthChallengeCompleted, onBluetoothReceived/);
    assert.throws(() => parse([{ event: 'onBluetoothReceived', args: { context: {} } }]), /step 1: onBluetoothReceived takes data, not "context"/);
    assert.throws(() => parse([{ event: 'handleSubmission' }]), /step 1: "name" names the form submission handler to run/);
    assert.throws(() => parseScenario('walk.json', '[{"event": "onNdefDataReceived", "args": {"__proto__": 1}}]'), /'__proto__' cannot be used/);
  });

  it('reports malformed JSON with the file name', () => {
    assert.throws(() => parseScenario('broken.json', '{"steps": ['), /broken\.json: not valid JSON/);
    assert.throws(() => parseScenario('empty.json', '{}'), /empty\.json: a scenario is/);
  });
});
