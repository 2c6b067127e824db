// Scripts for engine tests: each sits in a Markdown file after some prose, so every position goes through the origin map.
import assert from 'node:assert/strict';
import { HostError, type Engine, type EngineOptions, type HostCallContext, type Outcome, type Value } from '../../shared/engine/types';
import { LineIndex, OriginMap } from '../../shared/source/origin';
import type { Script } from '../../shared/source/script';

/** A script that sits in a Markdown file after a few lines of prose. */
export function markdownScript(id: string, body: string, role: Script['role'] = { kind: 'module' }): Script {
  const before = '# Session scripts\n\nSome prose.\n\n```python\n';
  const file = `${before}${body}\`\`\`\n`;
  return { id, role, text: body, origin: OriginMap.slice(`docs/${id}.md`, new LineIndex(file), before.length) };
}

/** Line of the Markdown file that holds line `n` of a body (the body starts on line 6). */
export const markdownLine = (n: number): number => n + 5;

export function expectError(outcome: Outcome): Extract<Outcome, { ok: false }>['error'] {
  assert.equal(outcome.ok, false, `expected a failure, got ${JSON.stringify(outcome)}`);
  return (outcome as Extract<Outcome, { ok: false }>).error;
}

/** An engine under test with the host calls and output its scripts made; `engine` is set once the suite starts. */
export interface EngineHarness {
  engine: Engine;
  calls: Array<{ name: string; args: Value[]; replaying: boolean }>;
  output: string[];
}

/**
 * Starts an engine before the suite's tests and disposes it after. Its host answers `session.missing` and
 * `tag.fail` with errors, `date.nowMillis` with a fixed instant and anything else with the call's first argument;
 * a runtime module `perspective` tells where in the user's file it was called from.
 */
export function useEngine(create: (options: EngineOptions) => Promise<Engine>, scriptTimeoutMs = 2_000): EngineHarness {
  const harness = { calls: [], output: [] } as unknown as EngineHarness;
  before(async () => {
    harness.engine = await create({
      scriptTimeoutMs,
      hostCall(name: string, args: Value[], context?: HostCallContext): Value {
        harness.calls.push({ name, args, replaying: context?.replaying ?? false });
        if (name === 'session.missing') throw new HostError('AttributeError', "'ObjectWrapper' object has no attribute 'x'");
        if (name === 'tag.fail') throw new HostError('java.lang.NullPointerException', 'tag provider is null');
        if (name === 'date.nowMillis') return 1_795_643_028_000;
        return args[0] ?? null;
      },
      onOutput: (text) => harness.output.push(text),
      modules: {
        perspective: 'import periscope_host\n\ndef here():\n    return periscope_host.location()\n',
      },
    });
  });
  after(async () => {
    await harness.engine?.dispose();
  });
  beforeEach(() => {
    harness.calls.length = 0;
    harness.output.length = 0;
  });
  return harness;
}

/** A module whose `handle` the engine tests use to check that an engine still works after trouble. */
export const py2Script = markdownScript('py2', [
  'import periscope_host',
  'def handle(payload):',
  '    print "theme is", payload["theme"]',
  '    periscope_host.call("record", 7 / 2, 7.0 / 2, -7 / 2)',
  '    periscope_host.call("record", payload.has_key("theme"), sorted(payload.keys())[0])',
  '    try:',
  '        int("x")',
  '    except ValueError, e:',
  '        return "caught %s" % e.__class__.__name__',
  '',
].join('\n'));
