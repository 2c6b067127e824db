// Each rule against its fixtures: every line marked `# expect: <rule>` is reported by that rule, and nothing else is.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Linter } from '../../shared/lint/linter';
import { scriptsOfText, pythonFileScript } from '../../shared/lint/text-scripts';
import { SESSION_EVENTS } from '../../shared/lint/events';
import type { Script, ScriptRole } from '../../shared/source/script';
import type { Diagnostic } from '../../shared/lint/diagnostic';

const FIXTURES = join(import.meta.dirname, '../fixtures/lint');
const RULES = [
  'syntax-error', 'py3-only', 'no-such-session-attr', 'page-call-without-page', 'unreachable-session-handler',
  'not-a-session-event', 'substring-authorization', 'roles-may-be-none', 'bare-except-swallows', 'handler-signature', 'undefined-name',
  'skipped-by-jython', 'stored-body-indentation', 'perspective-call-without-session', 'host-access',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(py|md)$/.test(name) ? [path] : [];
  });
}

/** The role an 8.3 project gives a file by its event folder, as the project loader does. */
function roleOf(file: string): ScriptRole {
  const gateway = /\/ignition\/(timer|tag-change|message|startup|shutdown)\/(?:(.+)\/)?\w+\.py$/.exec(file);
  if (gateway) return { kind: 'gateway-event', event: gateway[1] as 'timer', ...(gateway[2] ? { name: gateway[2] } : {}) };
  const webdev = /\/com\.inductiveautomation\.webdev\/resources\/(.+)\/(do\w+)\.py$/.exec(file);
  if (webdev) return { kind: 'webdev', resource: webdev[1], method: webdev[2] };
  const m = /(?:session-scripts|perspective)\/(.+)\/(\w+)\.py$/.exec(file);
  if (!m) return { kind: 'module' };
  const [folder, name] = [m[1], m[1].split('/').pop()!];
  const spec = SESSION_EVENTS.find((e) => new RegExp(`^${e.folder.replace('<name>', '[^/]+')}$`).test(folder));
  if (!spec) return { kind: 'module' };
  if (spec.function === 'handleMessage') return { kind: 'session-message-handler', messageType: name, enabled: true };
  if (spec.function === 'onKeyEvent') return { kind: 'key-event', name };
  return { kind: 'session-event', event: spec.function };
}

async function scriptsOf(file: string): Promise<Script[]> {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.py')) return [pythonFileScript(file, text, roleOf(file))];
  return (await scriptsOfText(file, text)).scripts;
}

function expectedLines(file: string, rule: string): number[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (new RegExp(`# expect: ${rule}\\b`).test(line) ? [i + 1] : []));
}

describe('lint rules on their fixtures', () => {
  let linter: Linter;
  before(async () => { linter = await Linter.create(); });
  after(() => linter.dispose());

  for (const rule of RULES) {
    describe(rule, () => {
      it('reports exactly the lines marked in the bad fixtures and nothing in the good ones', async () => {
        const dir = join(FIXTURES, rule);
        const files = filesUnder(dir);
        assert.ok(files.some((f) => /bad/.test(relative(dir, f))) && files.some((f) => /good/.test(relative(dir, f))), 'positive and negative fixtures exist');
        for (const file of files) {
          const found = linter.lintScripts(await scriptsOf(file), { target: '8.3' }).filter((d: Diagnostic) => d.rule === rule);
          const lines = [...new Set(found.map((d) => d.line))].sort((a, b) => a - b);
          assert.deepEqual(lines, expectedLines(file, rule), `${relative(FIXTURES, file)}: ${found.map((d) => `${d.line}: ${d.message}`).join('\n')}`);
        }
      });
    });
  }

  it('reports an indentation Jython refuses once, in Jython\'s words, not also what the grammar made of the line', async () => {
    const file = join(import.meta.dirname, '../fixtures/jython/syntax/tabs-and-spaces-disagree.py');
    const found = linter.lintScripts(await scriptsOf(file), { target: '8.3' }).filter((d) => d.rule === 'syntax-error');
    assert.deepEqual(found.map((d) => `${d.line}:${d.column} ${d.message.split(';')[0]}`), ['4:5 unindent does not match any outer indentation level']);
  });

  it('finds nothing at all in idiomatic Ignition 8.1 code written in Python 2 syntax', async () => {
    const file = join(FIXTURES, 'valid/idiomatic.py');
    const found = linter.lintScripts(await scriptsOf(file), { target: '8.1' });
    assert.deepEqual(found.map((d) => `${d.line} ${d.rule}: ${d.message}`), []);
  });
});
