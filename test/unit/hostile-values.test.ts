// Scenario values built to break a reader (circular YAML aliases, alias bombs, deep nesting) get a clear error or work.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseScenario, ScenarioError } from '../../shared/runtime/scenario';
import { brief, formatEvent } from '../../shared/runtime/format-text';
import { jsonText, writeJson } from '../../shared/engine/json-text';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

describe('scenario YAML that would make a value contain itself', () => {
  const rejects = (text: string, pattern: RegExp) =>
    assert.throws(() => parseScenario('walk.yaml', text), (e: unknown) => e instanceof ScenarioError && pattern.test(e.message));

  it('names the line of a circular alias in a payload or an expectation', () => {
    rejects('steps:\n  - open: /home\n  - message: save\n    payload: &p {again: *p}\n', /^walk\.yaml:4:25: not valid YAML: the alias \*p is inside the value its anchor &p names/);
    rejects('steps:\n  - expect: &e {"custom.x": [1, [*e]]}\n', /^walk\.yaml:2:34: not valid YAML: the alias \*e/);
  });

  it('names the line of a key that is a mapping, which JavaScript would turn into text', () => {
    rejects('steps:\n  - expect:\n      {a: 1}: 2\n', /^walk\.yaml:3:7: not valid YAML: a key is a list or a mapping/);
  });

  it('still reads an anchor used twice side by side', () => {
    const scenario = parseScenario('walk.yaml', 'steps:\n  - message: a\n    payload: &p {line: A}\n  - message: b\n    payload: *p\n');
    assert.deepEqual(scenario.steps.map((s) => s.kind === 'message' && s.payload), [{ line: 'A' }, { line: 'A' }]);
  });

  it('refuses an alias bomb and a 20,000-level flow value with a message instead of exhausting memory', () => {
    let bomb = 'steps:\n  - message: x\n    payload:\n      a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n';
    for (let i = 1; i < 30; i++) bomb += `      a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    rejects(bomb, /not valid YAML: more than 1000 alias expansions/);
    rejects(`steps:\n  - message: x\n    payload: {a: ${'['.repeat(20_000)}${']'.repeat(20_000)}}\n`, /not valid YAML: the values are nested too deeply to read; flatten them/);
  });
});

describe('trace values nested 5,000 levels', () => {
  it('print as one cut line in the text trace', () => {
    const line = formatEvent({ seq: 1, time: 0, kind: 'message', session: 's1', name: 'save', payload: nested(5000) as { [k: string]: never }, handled: false, scope: 'S' });
    assert.match(line, /^00:00\.000 s1 {5}message save \{"a":\[\{"a":\[\{.*…/);
    assert.ok(line.length < 200);
  });

  it('print as complete JSON, the same text JSON.parse reads back', () => {
    const text = jsonText({ events: [{ payload: nested(5000) }] }, 2);
    let read = JSON.parse(text).events[0].payload;
    let depth = 0;
    for (; typeof read === 'object'; depth++) read = read.a[0];
    assert.deepEqual([depth, read], [5000, 1]);
    assert.match(text, /^\{\n {2}"events": \[\n {4}\{\n {6}"payload": \{\n {8}"a": \[/);
  });

  it('write exactly what JSON.stringify writes for any plain value, indented or not', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
      assert.equal(writeJson(value, { indent }), JSON.stringify(value, null, indent));
    }));
    assert.equal(writeJson({ a: undefined, b: [undefined, () => 1], c: { toJSON: () => 'c' } }), JSON.stringify({ a: undefined, b: [undefined, () => 1], c: { toJSON: () => 'c' } }));
  });

  it('stop writing once a one-line summary is long enough, even for a huge value', () => {
    const huge = { text: 'x'.repeat(50_000_000) };
    assert.equal(brief(huge, 20), '{"text":"xxxxxxxxxx…');
  });
});
