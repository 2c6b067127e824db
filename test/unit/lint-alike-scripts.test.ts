// Templated views repeat one script on many components: the linter checks each distinct script once, and every
// occurrence still gets its findings at its own line and column, its own fix, and its own place in the project's facts.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../shared/cli/main';
import { alikeKey, groupAlike } from '../../shared/lint/alike';
import { compareDiagnostics, type Diagnostic } from '../../shared/lint/diagnostic';
import { gatherFacts, sentMessages } from '../../shared/lint/facts';
import { sharedLinter } from '../../shared/lint/linter';
import { collectNodes } from '../../shared/lint/syntax';
import { discoverProjects } from '../../shared/loaders/project';
import type { Script } from '../../shared/source/script';
import { captureIo } from './cli.test';

const P = 'com.inductiveautomation.perspective';

/** A component with an action script and a message handler, as the Designer stores them. */
function button(name: string, script: string, messageType = 'refresh', handler = '\tpass'): object {
  return {
    type: 'ia.input.button',
    meta: { name },
    events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script } } } },
    scripts: { messageHandlers: [{ messageType, script: handler, sessionScope: true, pageScope: true, viewScope: false }] },
  };
}

/** A project of one view holding `children`, its view.json written with `indent` (0: one line). */
function writeProject(root: string, children: object[], indent: number, dataBin?: object): string {
  const project = join(root, 'Plant');
  mkdirSync(join(project, P, 'views', 'Grid'), { recursive: true });
  mkdirSync(join(project, P, 'page-config'), { recursive: true });
  writeFileSync(join(project, 'project.json'), '{"title": "Plant", "parent": ""}');
  writeFileSync(join(project, P, 'page-config', 'config.json'), '{"pages": {"/": {"viewPath": "Grid"}}}');
  const view = JSON.stringify({ custom: {}, params: {}, props: {}, root: { type: 'ia.container.flex', meta: { name: 'root' }, children } }, null, indent || undefined);
  writeFileSync(join(project, P, 'views', 'Grid', 'view.json'), view);
  if (dataBin) {
    mkdirSync(join(project, P, 'session-scripts'), { recursive: true });
    writeFileSync(join(project, P, 'session-scripts', 'data.bin'), JSON.stringify(dataBin, null, 2));
  }
  return project;
}

async function lintJson(project: string, ...args: string[]): Promise<Diagnostic[]> {
  const io = captureIo();
  await main(['lint', '--format', 'json', ...args, project], io);
  return (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics;
}

/** The text a diagnostic spans on its line. */
function spanned(text: string, d: Diagnostic): string {
  return text.split('\n')[d.line - 1].slice(d.column - 1, d.endColumn - 1);
}

describe('linting scripts repeated on many components', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-alike-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a finding of one repeated script at each occurrence\'s own line and column, and fixes each', async () => {
    const script = '\tsid = session.id\n\tself.props.text = sid';
    // Nested at different depths, so that each copy sits at another line and column of view.json.
    const children = [
      button('A', script),
      { type: 'ia.container.flex', meta: { name: 'Row' }, children: [button('B', script), { type: 'ia.container.flex', meta: { name: 'Inner' }, children: [button('C', script)] }] },
      button('D', script),
    ];
    const project = writeProject(dir, children, 2);
    const file = join(project, P, 'views', 'Grid', 'view.json');
    const text = readFileSync(file, 'utf8');
    const found = (await lintJson(project)).filter((d) => d.rule === 'no-such-session-attr');
    assert.equal(found.length, 4);
    assert.equal(new Set(found.map((d) => `${d.line}:${d.column}`)).size, 4, 'four places');
    const lines = text.split('\n').flatMap((line, i) => (line.includes('"script": "\\tsid = session.id') ? [i + 1] : []));
    assert.deepEqual(found.map((d) => d.line).sort((a, b) => a - b), lines);
    for (const d of found) assert.equal(spanned(text, d), 'session.id');

    const io = captureIo();
    await main(['lint', '--fix', project], io);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(fixed, text.replaceAll('sid = session.id', 'sid = session.props.id'));
  });

  it('keeps each occurrence\'s place in the project: alike handlers of different message types, alike senders', async () => {
    // Two Session Events handlers with the same body; only "a" is sent to, by two buttons with the same script.
    const dataBin = { messageHandlers: [{ name: 'a', enabled: true, script: '\tpass' }, { name: 'b', enabled: true, script: '\tpass' }] };
    const send = '\tsystem.util.sendMessage("Plant", "a", {}, scope="S")';
    const project = writeProject(dir, [button('A', send), button('B', send)], 2, dataBin);
    const text = readFileSync(join(project, P, 'session-scripts', 'data.bin'), 'utf8');
    const unreachable = (await lintJson(project)).filter((d) => d.rule === 'unreachable-session-handler');
    assert.equal(unreachable.length, 1);
    assert.match(unreachable[0].message, /sends 'b'/);
    const scriptLines = text.split('\n').flatMap((line, i) => (line.includes('"script": "\\tpass"') ? [i + 1] : []));
    assert.deepEqual([unreachable[0].line], scriptLines.slice(1), 'on the script of handler b, not of a');
  });

  it('groups scripts by what rules read: text, role without its place, wrapper and file kind', async () => {
    const [project] = await discoverProjects(writeProject(dir, [button('A', '\tx = 1', 'one'), button('B', '\tx = 1', 'two'), button('C', '\tx = 1', 'one', '\tx = 1')], 0));
    const events = project.scripts.filter((s) => s.role.kind === 'component-event');
    assert.equal(events.length, 3);
    assert.equal(new Set(events.map(alikeKey)).size, 1, 'the same action on three components');
    const handlers = project.scripts.filter((s) => s.role.kind === 'component-message-handler');
    assert.equal(new Set(handlers.map(alikeKey)).size, 3, 'different message types, or a different body');
    assert.deepEqual(groupAlike(events).map((g) => [g.script, ...g.alike]), [events]);
  });

  it('finds exactly what linting each script on its own finds, given the project\'s facts (property)', async () => {
    const linter = await sharedLinter();
    const pool = ['\tsid = session.id', '\tx = f"{self.props.text}"\n\tsystem.perspective.navigate("/x")', '\ttry:\n\t\tpass\n\texcept:\n\t\tpass', '\tself.props.text = u"caf\u00e9 \u2014 ok"'];
    const types = ['a', 'b', 'c'];
    const placement = fc.array(fc.record({ action: fc.nat(pool.length - 1), handler: fc.nat(pool.length - 1), type: fc.nat(types.length - 1), depth: fc.nat(2) }), { minLength: 1, maxLength: 8 });
    await fc.assert(fc.asyncProperty(placement, fc.constantFrom(0, 1, 2, 4), async (placed, indent) => {
      const root = mkdtempSync(join(dir, 'case-'));
      const children = placed.map((p, i) => {
        let node: object = button(`B${i}`, pool[p.action], types[p.type], pool[p.handler]);
        for (let d = 0; d < p.depth; d++) node = { type: 'ia.container.flex', meta: { name: `Box${i}_${d}` }, children: [node] };
        return node;
      });
      const [project] = await discoverProjects(writeProject(root, children, indent));
      const facts = gatherFacts(project.scripts.map((script) => {
        const { tree } = linter.parse(script);
        const sent = [sentMessages(() => collectNodes([tree.rootNode], new Set(['call'])).get('call') ?? [], script.text)];
        tree.delete();
        return { script, sent };
      }), true);
      const alone = project.scripts.flatMap((script: Script) => linter.lintScripts([script], { project: facts })).sort(compareDiagnostics);
      assert.deepEqual(linter.lintScripts(project.scripts), alone);
    }), { numRuns: 40, seed: 20261127 });
  });
});
