// The fuzz targets: Periscope's readers and `lint --fix` fed generated input. The rule for every one: no exception
// other than the reader's own input error, an answer in bounded time, and no byte changed outside a reported fix.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { loadDocument } from '../../shared/loaders/document';
import { jsonValue, parseJsonFile } from '../../shared/loaders/json-file';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { readFixtures } from '../../shared/gateway-config/validate';
import { parseScenario, ScenarioError } from '../../shared/runtime/scenario';
import { sharedLinter } from '../../shared/lint/linter';
import { ConfigError, parseLintConfig } from '../../shared/lint/config';
import { collectSources } from '../../shared/lint/sources';
import { applyFixes, selectFixes } from '../../shared/lint/apply-fixes';
import { writeFileFixes } from '../../shared/lint/write-fixes';
import { writeJson } from '../../shared/engine/json-text';
import { parseRequest, parseServerFrame } from '../../shared/inspector/frames';
import { checkParams, requestTypes } from '../../shared/inspector/params';
import { PROTOCOL_VERSION } from '../../shared/inspector/protocol';

export interface FuzzTarget {
  name: string;
  /** Share of the cases of a full run (`npm run fuzz`) this target gets. */
  weight: number;
  property(folder: string): fc.IAsyncPropertyWithHooks<unknown[]>;
}

const P = 'com.inductiveautomation.perspective';

/** Characters that matter to these readers: structure, escapes, every kind of line end, and text beyond ASCII. */
const TRICKY = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', '\\u', '\n', '\r', '\r\n', '\t', ' ', '#', '`', '```', '~~~', '&a', '*a', '- ', '\uFEFF', '\u00e9', '\u{1F600}', '\u2028', '\0', 'null', 'true', '1e999', '-0');

/** A text built from a valid one by random edits: the kind of input that is almost right. */
function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.oneof(TRICKY, fc.string({ maxLength: 3 })) });
  return fc.tuple(valid, fc.array(edit, { maxLength: 4 })).map(([text, edits]) => {
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
    }
    return text;
  });
}

/** JSON of any depth, written with arbitrary white space: deep nesting is where recursive readers fail. */
const deepJson = fc.tuple(fc.nat({ max: 6000 }), fc.constantFrom('[', '{"a":'), fc.jsonValue({ maxDepth: 2 })).map(([depth, open, leaf]) => {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(depth)}${JSON.stringify(leaf) ?? 'null'}${close.repeat(depth)}`;
});

const anyJsonText = fc.oneof(
  { arbitrary: mutated(fc.json({ maxDepth: 4 })), weight: 6 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

/** Asserts that `run` either returns or throws one of `allowed`. */
async function onlyInputErrors(run: () => unknown, allowed: ReadonlyArray<new (...args: never[]) => Error> = []): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (allowed.some((kind) => error instanceof kind)) return;
    throw error;
  }
}

const pythonLine = fc.constantFrom(
  'def onStartup(session):', '\tsid = session.id', '\tx = f"{sid}"', '\tsystem.perspective.navigate("/x")', 'import os',
  '\t"script": "\\tprint 1"', 'handlers = {"a": {"script": """\\tsession.custom.x = 1"""}}', '    pass', 'print "x"', 'except Exception, e:',
);
const documentText = mutated(fc.array(fc.oneof(
  pythonLine,
  fc.constantFrom('# Heading', '```python', '```', '```params', 'timeout: 900', 'session_props: [custom, auth]', 'max_sessions: x', '~~~py', ''),
), { maxLength: 14 }).map((lines) => lines.join('\n')));

const component = fc.letrec((tie) => ({
  node: fc.record({
    type: fc.constantFrom('ia.container.flex', 'ia.display.view', 'ia.input.button'),
    meta: fc.record({ name: fc.oneof(fc.constantFrom('root', 'A', '__proto__', ''), fc.string({ maxLength: 3 })) }),
    props: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }), fc.constant(null)),
    children: fc.oneof({ arbitrary: fc.array(fc.oneof(tie('node'), fc.constant(null)), { maxLength: 3 }), weight: 4 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 }),
    events: fc.constant({ dom: { onClick: { type: 'script', config: { script: '\tsession.id' } } } }),
  }, { requiredKeys: ['type', 'meta'] }),
})).node;

const projectFiles = fc.record({
  'project.json': mutated(fc.constantFrom('{"title": "Plant", "parent": ""}', '{"parent": "../x", "enabled": "false"}', '{"parent": "Plant"}')),
  [`${P}/session-scripts/data.bin`]: mutated(fc.constantFrom(
    '{"onStartup": "\\tsid = session.id", "messageHandlers": [{"name": "a", "enabled": "false", "script": "\\tpass"}]}',
    '{"messageHandlers": {"name": 1}, "onShutdown": 3}',
  )),
  [`${P}/session-scripts/resource.json`]: mutated(fc.constant('{"scope": "G", "attributes": {"enabled": true}}')),
  [`${P}/views/Main/view.json`]: fc.oneof(
    { arbitrary: component.map((root) => JSON.stringify({ root, params: {}, custom: {} })), weight: 3 },
    { arbitrary: anyJsonText, weight: 1 },
  ),
  [`${P}/page-config/config.json`]: mutated(fc.constant('{"pages": {"/": {"viewPath": "Main"}, "/x": {"viewPath": "Gone"}}}')),
  'ignition/script-python/lib/code.py': mutated(fc.constant('def f(session):\n\treturn session.id\n')),
}, { requiredKeys: ['project.json'] });

/** A session event's `.py` file of an 8.3 project (the whole `def`), almost right. */
const eventFile = (name: string, params: string) =>
  mutated(fc.constantFrom(`def ${name}(${params}):\n\tsid = session.id\n`, `def ${name}(${params}):\n\tpass\n`, `\tx = 1\n`, `def other():\n    return f"{x}"\n`));
const resourceJson = mutated(fc.constantFrom(
  '{"scope": "G", "version": 1, "files": ["onStartup.py"], "attributes": {"enabled": true}}',
  '{"scope": "G", "attributes": {"enabled": "false"}}',
  '{"files": "x", "attributes": null}',
));
/** A named handler's folder name: ordinary, empty-looking, or one that reaches a prototype. */
const handlerName = fc.oneof(fc.constantFrom('refreshOrders', '__proto__', 'constructor', 'a b', 'é'), fc.string({ minLength: 1, maxLength: 4 }).filter((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..'));

/**
 * Session events of an 8.3 project: one folder per event directly under the Perspective folder, as real 8.3
 * exports keep them (sometimes under session-scripts/ as well), files missing, misnamed or where a folder belongs.
 */
const eventFolders = fc.tuple(
  fc.constantFrom('', 'session-scripts/'),
  fc.dictionary(fc.constantFrom('startup', 'shutdown', 'page-startup', 'auth-challenge', 'barcode', 'nfc-scan', 'no-such-event'), fc.constant(true), { maxKeys: 4 }),
  fc.array(fc.tuple(fc.constantFrom('message', 'key-event', 'form-submission-handler'), handlerName), { maxLength: 3 }),
  fc.array(eventFile('onStartup', 'session'), { minLength: 12, maxLength: 12 }),
  fc.array(resourceJson, { minLength: 12, maxLength: 12 }),
  fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
).map(([under, events, handlers, texts, resources, withResource]) => {
  const files: Record<string, string> = {};
  const functions: Record<string, string> = {
    startup: 'onStartup', shutdown: 'onShutdown', 'page-startup': 'onPageStartup', 'auth-challenge': 'onAuthChallengeCompleted',
    barcode: 'onBarcodeDataReceived', 'nfc-scan': 'onNdefDataReceived', 'no-such-event': 'onWhatever',
    message: 'handleMessage', 'key-event': 'onKeyEvent', 'form-submission-handler': 'handleSubmission',
  };
  const folders = [...Object.keys(events), ...handlers.map(([kind, name]) => `${kind}/${name}`)];
  folders.forEach((folder, i) => {
    const at = `${P}/${under}${folder}`;
    const fn = functions[folder.split('/')[0]];
    files[`${at}/${fn}.py`] = texts[i % 12].replace(/onStartup/g, fn);
    if (withResource[i % 12]) files[`${at}/resource.json`] = resources[i % 12];
  });
  return files;
});

const projectFiles83 = fc.tuple(
  eventFolders,
  fc.record({
    'project.json': mutated(fc.constantFrom('{"title": "Plant", "parent": ""}', '{"parent": "Plant"}')),
    'periscope.json': fc.constantFrom('{"project": {"name": "Plant", "version": "8.3"}}', '{"project": {"version": "8.1"}}'),
    [`${P}/session-props/props.json`]: mutated(fc.constant('{"custom": {"line": "Filler"}, "props": {}}')),
    [`${P}/views/Main/view.json`]: fc.oneof(
      { arbitrary: component.map((root) => JSON.stringify({ root, params: {}, custom: {} })), weight: 3 },
      { arbitrary: anyJsonText, weight: 1 },
    ),
  }, { requiredKeys: ['project.json'] }),
).map(([events, rest]) => ({ ...rest, ...events }));

/** Writes `files` as the project Plant in a fresh folder under `folder`, loads it, and hands it to `check`. */
async function withProject(folder: string, files: Record<string, string>, check: (project: Project, root: string) => Promise<void> | void): Promise<void> {
  const root = mkdtempSync(join(folder, 'project-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'Plant', path)), { recursive: true });
      writeFileSync(join(root, 'Plant', path), text);
    }
    const projects = await discoverProjects(join(root, 'Plant'));
    assert.equal(projects.length, 1);
    for (const problem of projects[0].problems) assert.ok(problem.file.startsWith(root), problem.file);
    await check(projects[0], root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const fixturesText = mutated(fc.constantFrom(
  '{"project": {"name": "Plant", "version": "8.1"}, "users": [{"username": "a", "roles": ["x"]}], "clock": {"start": "2026-01-05T08:00:00Z"}}',
  '{"namedQueries": {"Q": {"type": "Query", "sql": "SELECT :a", "parameters": {"a": "Int4"}}}, "tags": {"[default]A": 1}}',
  '{"alarms": [{"source": "a", "name": "b", "priority": "High", "state": "ActiveUnacked"}], "pages": {"/": {"viewPath": "Main"}}}',
  '{"database": {"schema": ["CREATE TABLE t (a)"], "rows": {"t": [{"a": 1}]}}, "lint": {"target": "8.1"}}',
));
/** The lint section with settings right and wrong, some nested up to 100,000 levels. */
const lintSectionText = fc.tuple(fc.constantFrom('target', 'rules'), fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), deepJson, fc.nat({ max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`)))
  .map(([key, value]) => (key === 'target' ? `{"lint": {"target": ${value}}}` : `{"lint": {"rules": {"py3-only": ${value}}}}`));

const stepJson = fc.oneof(
  fc.constantFrom({ open: '/home' }, { close: true }, { advance: '14m' }, { login: 'admin' }, { key: 'Enter' }, { activity: true }),
  fc.record({ message: fc.string({ maxLength: 5 }), payload: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ expect: fc.dictionary(fc.constantFrom('custom.a', 'page.path', '__proto__.x', 'view:Main/root.props.text'), fc.jsonValue({ maxDepth: 2 })) }),
  fc.record({ write: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })) }),
  fc.record({ advance: fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.constant(1e308)) }),
  fc.jsonValue({ maxDepth: 2 }),
);
const scenarioJson = fc.oneof(
  mutated(fc.array(stepJson, { maxLength: 6 }).map((steps) => JSON.stringify({ source: 'scripts.md', steps }))),
  deepJson.map((payload) => `{"steps": [{"message": "m", "payload": {"a": ${payload}}}]}`),
  // Wrong at any depth: a step or a payload that is a list nested up to 100,000 levels is named in the error.
  fc.tuple(fc.nat({ max: 100_000 }), fc.boolean()).map(([depth, asStep]) => {
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    return asStep ? `{"steps": [${deep}]}` : `{"steps": [{"message": "m", "payload": ${deep}}]}`;
  }),
);
const yamlLine = fc.constantFrom(
  'steps:', '  - open: /home', '  - message: save', '    payload: &p {a: 1}', '    payload: *p', '    payload: &q {again: *q}',
  '  - expect: {"custom.x": [1, 2]}', '  - advance: 1e308', '  - write: {a.b: x}', '  - close: true', '  - &s {open: /}', '  - *s',
  'name: walk', 'source: scripts.md', '  - message: x', '    payload: {a: [[[[[[[[[[1]]]]]]]]]]}', '%YAML 1.2', '---', '!!binary', '  - key: !!str 1',
);
// Refusing a value nested too deeply costs the YAML library a stack overflow (0.1 to 0.4 s): a few such cases suffice.
const scenarioYaml = fc.oneof(
  { arbitrary: mutated(fc.array(yamlLine, { maxLength: 10 }).map((lines) => lines.join('\n'))), weight: 50 },
  { arbitrary: fc.nat({ max: 30000 }).map((depth) => `steps:\n  - message: x\n    payload: {a: ${'['.repeat(depth)}${']'.repeat(depth)}}\n`), weight: 1 },
);

/** Values an inspector's request params take, right and wrong: ids, paths, depths, payloads, keys that reach prototypes. */
const paramValue = fc.oneof(
  fc.constantFrom('s1', 's1-p1', 'custom.preferences.theme', 'view:Overview/root/Table.props.data', '/home', 'session', 'page', 'desktop', 'Enter', '', '__proto__'),
  fc.integer({ min: -2, max: 100 }), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }),
);
const paramName = fc.constantFrom('session', 'page', 'path', 'depth', 'value', 'message', 'payload', 'handler', 'scope', 'view', 'user', 'password', 'ms', 'key', 'modifiers', 'data', 'event', 'component', 'seq', 'after', 'limit', 'kinds', 'events', 'patches', 'subscription', 'name', 'device', '__proto__', 'constructor', 'x');
const requestFrame = fc.record({
  v: fc.oneof({ arbitrary: fc.constant(PROTOCOL_VERSION as unknown), weight: 8 }, { arbitrary: fc.jsonValue({ maxDepth: 0 }), weight: 1 }),
  id: fc.oneof(fc.nat(), fc.string({ maxLength: 70 }), fc.constant(null), fc.double()),
  type: fc.oneof({ arbitrary: fc.constantFrom(...requestTypes()), weight: 8 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }),
  params: fc.dictionary(paramName, paramValue, { maxKeys: 5 }),
}, { requiredKeys: ['v', 'id', 'type'] });
const frameText = fc.oneof(
  { arbitrary: mutated(requestFrame.map((frame) => JSON.stringify(frame))), weight: 8 },
  { arbitrary: requestFrame.map((frame) => JSON.stringify(frame).replace('"params":{', '"params":{"__proto__":{"polluted":1},')), weight: 1 },
  { arbitrary: deepJson.map((value) => `{"v":1,"id":1,"type":"write","params":{"session":"s1","path":"custom.a","value":${value}}}`), weight: 1 },
  { arbitrary: anyJsonText, weight: 2 },
);
const serverFrameText = mutated(fc.oneof(
  fc.record({ v: fc.constant(PROTOCOL_VERSION), id: fc.oneof(fc.nat(), fc.constant(null)), ok: fc.boolean(), result: fc.jsonValue({ maxDepth: 2 }), error: fc.record({ code: fc.string(), message: fc.string() }, { requiredKeys: [] }) }, { requiredKeys: ['v'] }),
  fc.record({ v: fc.constant(PROTOCOL_VERSION), event: fc.constantFrom('trace', 'patch', 'closing', 'other'), data: fc.jsonValue({ maxDepth: 2 }) }),
).map((frame) => JSON.stringify(frame)));

/** Files with findings that have fixes, and characters that trip byte offsets, for the --fix target. */
const FIX_BASES = [
  'def onStartup(session):\n\tsid = session.id\n\tmsg = f"{sid} caf\u00e9"\n',
  '# Session\n\n```python\ndef onStartup(session):\n\tx = f"{session.id}"\n```\n\n\u{1F600} prose\r\n',
];
const FIX_PIECES = fc.constantFrom('session.id', 'f"{x}"', '\u00e9', '\u{1F600}', '\r', '\r\n', '\n', '\t', '"', '#', '```', '\uFEFF');

export const targets: FuzzTarget[] = [
  {
    name: 'JSON reader (project files)',
    weight: 3,
    property: () => fc.asyncProperty(anyJsonText, async (text) => {
      const doc = parseJsonFile('x.json', text);
      let parsed: unknown;
      let native = true;
      try {
        parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        native = false;
      }
      assert.equal(doc.valid, native, 'valid exactly when JSON.parse accepts it');
      // Keys that could reach a prototype are left out by the reader, on purpose.
      if (native && !/__proto__|constructor|prototype/.test(text)) assert.equal(writeJson(jsonValue(doc, doc.root)), writeJson(parsed));
      for (const problem of doc.problems) assert.ok(problem.position.line >= 1 && problem.position.column >= 1);
    }),
  },
  {
    name: 'document reader (.md)',
    weight: 2,
    property: () => fc.asyncProperty(documentText, async (text) => {
      const doc = await loadDocument('doc.md', text);
      const lines = doc.lines.starts.length;
      for (const problem of doc.problems) assert.ok(problem.position.line >= 1 && problem.position.line <= lines, `problem at line ${problem.position.line} of ${lines}`);
      for (const block of doc.blocks) assert.equal(text.slice(block.origin.originOffset(0), block.origin.originOffset(block.text.length)), block.text);
    }),
  },
  {
    name: 'project reader (8.1 folders)',
    weight: 1,
    property: (folder) => fc.asyncProperty(projectFiles, (files) => withProject(folder, files, () => undefined)),
  },
  {
    name: 'project reader (8.3 folders)',
    weight: 1,
    property: (folder) => fc.asyncProperty(projectFiles83, (files) => withProject(folder, files, async (project, root) => {
      // Every script it read lints, and every finding points into the project's own files.
      const linter = await sharedLinter();
      for (const finding of linter.lintScripts(project.scripts)) assert.ok(finding.file.startsWith(root), finding.file);
    })),
  },
  {
    name: 'fixtures reader (periscope.json)',
    weight: 2,
    property: () => fc.asyncProperty(fc.oneof(fixturesText, anyJsonText, lintSectionText), async (text) => {
      readFixtures(parseJsonFile('periscope.json', text));
      // `lint` reads the same file for its own section.
      await onlyInputErrors(() => parseLintConfig('periscope.json', text, new Set(['py3-only'])), [ConfigError]);
    }),
  },
  {
    name: 'scenario reader (JSON)',
    weight: 2,
    property: () => fc.asyncProperty(scenarioJson, async (text) => onlyInputErrors(() => parseScenario('walk.json', text), [ScenarioError])),
  },
  {
    name: 'scenario reader (YAML)',
    weight: 2,
    property: () => fc.asyncProperty(scenarioYaml, async (text) => onlyInputErrors(() => {
      const scenario = parseScenario('walk.yaml', text);
      // What it read is plain data: JSON holds it, so no alias made a value contain itself.
      JSON.stringify(scenario.steps);
    }, [ScenarioError])),
  },
  {
    name: 'inspector protocol frames',
    weight: 2,
    property: () => fc.asyncProperty(frameText, serverFrameText, async (text, serverText) => {
      const decoded = parseRequest(text);
      if (decoded.ok) {
        assert.ok(requestTypes().includes(decoded.value.type));
        assert.equal(checkParams(decoded.value.type, decoded.value.params), undefined);
      } else {
        assert.ok(decoded.error.message.length > 0 && decoded.error.code.length > 0);
        // A frame that names a usable id gets its error reply addressed to it.
        let id: unknown;
        try {
          id = (JSON.parse(text) as { id?: unknown })?.id;
        } catch {
          id = undefined;
        }
        if (decoded.id !== null) assert.equal(decoded.id, id);
      }
      const server = parseServerFrame(serverText);
      if (server.ok) assert.equal((server.value as { v: number }).v, PROTOCOL_VERSION);
    }),
  },
  {
    name: 'lint --fix',
    weight: 1,
    property: (folder) => fc.asyncProperty(editedBytes(FIX_BASES, FIX_PIECES), async ({ base, bytes }) => {
      await assertFixesChangeOnlyTheirSpans(join(folder, FIX_BASES[base].startsWith('#') ? 'doc.md' : 'script.py'), bytes);
    }),
  },
];

/** One of `bases` changed by random edits (pieces or any short string), sometimes with a byte that is not UTF-8. */
export function editedBytes(bases: readonly string[], pieces: fc.Arbitrary<string>): fc.Arbitrary<{ base: number; bytes: Buffer }> {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.oneof(pieces, fc.string({ maxLength: 4 })) });
  const badByte = fc.option(fc.record({ at: fc.nat(), byte: fc.constantFrom(0xe9, 0xff, 0x80, 0xc3) }), { freq: 5 });
  return fc.tuple(fc.nat({ max: bases.length - 1 }), fc.array(edit, { maxLength: 8 }), badByte).map(([base, edits, bad]) => {
    let text = bases[base];
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
    }
    const bytes = Buffer.from(text, 'utf8');
    if (!bad) return { base, bytes };
    const at = bad.at % (bytes.length + 1);
    return { base, bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from([bad.byte]), bytes.subarray(at)]) };
  });
}

/**
 * Writes `bytes`, then runs fix passes as `lint --fix` does: each pass may change only the bytes of the fixes
 * reported for it, and a file that is not UTF-8 is never changed. No temporary file is left.
 */
export async function assertFixesChangeOnlyTheirSpans(file: string, bytes: Buffer): Promise<void> {
  writeFileSync(file, bytes);
  const linter = await sharedLinter();
  for (let pass = 0; pass < 5; pass++) {
    const before = readFileSync(file);
    const sources = await collectSources([file]);
    const scripts = sources.units.flatMap((u) => u.scripts);
    const fixes = linter.lintScripts(scripts).filter((d) => d.fix?.safe).map((d) => d.fix!);
    if (fixes.length === 0 || scripts.length === 0) return;
    const text = scripts[0].origin.original.text;
    const outcome = writeFileFixes({ file, text, fixes });
    const after = readFileSync(file);
    if (outcome.status !== 'fixed') {
      assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
      assert.deepEqual(after, before);
      return;
    }
    assert.deepEqual(after, Buffer.from(applyFixes(text, selectFixes(fixes)).text, 'utf8'));
    const head = Math.min(...fixes.flatMap((f) => f.edits.map((e) => Buffer.byteLength(text.slice(0, e.start)))));
    const tail = Math.min(...fixes.flatMap((f) => f.edits.map((e) => Buffer.byteLength(text.slice(e.end)))));
    assert.deepEqual(after.subarray(0, head), before.subarray(0, head), 'bytes before the first fix');
    assert.deepEqual(after.subarray(after.length - tail), before.subarray(before.length - tail), 'bytes after the last fix');
    assert.deepEqual(readdirSync(dirname(file)).filter((f) => f.endsWith('.periscope-fix')), []);
  }
}

/** A scratch folder for targets that write files. */
export function fuzzFolder(): string {
  return mkdtempSync(join(tmpdir(), 'periscope-fuzz-'));
}
