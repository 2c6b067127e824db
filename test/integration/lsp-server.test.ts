// The language server over stdio, as an editor drives it: every feature on the seed document and on an 8.1 project.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, Hover, Location, SignatureHelp, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { InspectorClient } from '../../shared/inspector/client';
import { InspectorStore } from '../../shared/inspector/store';
import type { Transport } from '../../shared/inspector/transport';
import { planEngine } from '../../shared/runtime/engine-choice';
import { LspClient } from '../support/lsp-client';
import { after as afterText, applyEdits, positionOf } from '../support/text-positions';

const root = join(import.meta.dirname, '..', '..');

function copy(from: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'periscope-lsp-'));
  cpSync(from, folder, { recursive: true });
  return folder;
}

const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
const hoverText = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

describe('language server: the seed document', function () {
  this.timeout(120_000);
  let client: LspClient;
  let folder: string;
  let file: string;
  let uri: string;
  let text: string;

  before(async () => {
    folder = copy(join(root, 'examples', 'seed'));
    file = join(folder, 'session-scripts.md');
    text = readFileSync(file, 'utf8');
    client = await LspClient.start({ folders: [folder] });
    uri = await client.open(file);
  });

  after(() => client.stop());

  it('publishes the linter diagnostics on open, at the lines of the document', async () => {
    const diagnostics = await client.diagnosticsOf(uri);
    const at20 = diagnostics.filter((d) => d.range.start.line === 19);
    assert.deepEqual(at20.map((d) => d.code), ['no-such-session-attr']);
    assert.ok(diagnostics.some((d) => d.code === 'py3-only' && d.range.start.line === 30));
    assert.ok(diagnostics.some((d) => d.code === 'page-call-without-page' && d.range.start.line === 48));
  });

  it('hovers system.perspective.navigate with its signature, scope and page requirement', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'navigate(page=default_page)', 2) });
    const value = hoverText(hover);
    assert.match(value, /system\.perspective\.navigate\(page: str = None, url: str = None/);
    assert.match(value, /Scope: Gateway, Perspective Session/);
    assert.match(value, /Needs a page/);
  });

  it('hovers a session prop path with its access level', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'session.props.address', 16) });
    assert.match(hoverText(hover), /session\.props\.address: str/);
    assert.match(hoverText(hover), /Access: SYSTEM/);
  });

  it('gives signature help for the argument being typed', async () => {
    const help = await client.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position: afterText(text, 'runNamedQuery("GetUserPreferences", ') });
    assert.ok(help);
    assert.equal(help.signatures.length, 2);
    assert.match(help.signatures[help.activeSignature ?? 0].label, /^system\.db\.runNamedQuery\(path: str, parameters: dict = None/);
    assert.equal(help.signatures[help.activeSignature ?? 0].activeParameter, 1);
  });

  it('offers a quick fix, fix all, and a suppression for a finding, and the fix changes only its characters', async () => {
    const diagnostics = await client.diagnosticsOf(uri);
    const finding = diagnostics.find((d) => d.range.start.line === 19)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('use session.props.id (no-such-session-attr)'), titles.join('\n'));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll'));
    const fixed = applyEdits(text, actions.find((a) => a.title.startsWith('use session.props.id'))!.edit!.changes![uri]);
    assert.equal(fixed, text.replace('session_id = session.id', 'session_id = session.props.id'));
    const suppress = actions.find((a) => a.title === 'Suppress no-such-session-attr on this line')!;
    const suppressed = applyEdits(text, suppress.edit!.changes![uri]);
    assert.equal(suppressed.split('\n')[19], '    session_id = session.id  # periscope: ignore[no-such-session-attr]');
  });

  it('re-lints on change: the fixed line loses its finding', async () => {
    const version = await client.change(uri, { range: { start: { line: 19, character: 25 }, end: { line: 19, character: 25 } }, text: 'props.' });
    const diagnostics = await client.diagnosticsOf(uri, () => true, version);
    assert.ok(!diagnostics.some((d) => d.range.start.line === 19));
    text = text.replace('session_id = session.id', 'session_id = session.props.id');
  });

  describe('completion', () => {
    /** Adds a line at the end of onStartup and completes at its end. */
    const completeAfter = async (line: string): Promise<string[]> => {
      const at = positionOf(text, '    system.perspective.navigate(page=default_page)');
      const version = await client.change(uri, { range: { start: at, end: at }, text: `${line}\n` });
      await client.diagnosticsOf(uri, () => true, version);
      try {
        return labels(await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line: at.line, character: line.length } }));
      } finally {
        const undo = await client.change(uri, { range: { start: at, end: { line: at.line + 1, character: 0 } }, text: '' });
        await client.diagnosticsOf(uri, () => true, undo);
      }
    };

    it('completes system modules and functions', async () => {
      assert.ok((await completeAfter('    system.')).includes('perspective'));
      const functions = await completeAfter('    system.perspective.nav');
      assert.ok(functions.includes('navigate') && functions.includes('sendMessage'));
    });

    it('completes keyword arguments of a system call', async () => {
      const items = await completeAfter('    system.perspective.openPopup("warning", ');
      assert.ok(items.includes('view=') && items.includes('modal='), items.join(' '));
      assert.ok(!items.includes('id='), 'the first argument is already given');
    });

    it('completes session props and custom props, from initialize_custom_properties() and assignments', async () => {
      const props = await completeAfter('    x = session.props.');
      assert.ok(props.includes('auth') && props.includes('theme') && props.includes('device'));
      assert.deepEqual(await completeAfter('    x = session.props.auth.user.r'), ['id', 'userName', 'firstName', 'lastName', 'email', 'roles', 'timestamp']);
      const custom = await completeAfter('    x = session.custom.');
      assert.ok(custom.includes('preferences') && custom.includes('loginTime'), custom.join(' '));
      assert.ok((await completeAfter('    x = session.custom.preferences.')).includes('dateFormat'));
    });

    it('completes message types, named queries, pages and tag paths inside strings', async () => {
      assert.deepEqual(await completeAfter('    system.util.sendMessage("default", "'), ['refreshData', 'updatePreference']);
      assert.ok((await completeAfter('    system.db.runNamedQuery("')).includes('GetUserPreferences'));
      assert.ok((await completeAfter('    system.perspective.navigate(page="')).includes('/dashboard'));
      assert.ok((await completeAfter('    system.tag.readBlocking(["')).includes('[default]Tank1/Level'));
    });
  });

  it('goes from a sent message type to its handler, and from the handler back to its senders', async () => {
    const at = positionOf(text, '    system.perspective.navigate(page=default_page)');
    const send = '    system.util.sendMessage("default", "refreshData", {"type": "alarms"}, scope="S")\n';
    const version = await client.change(uri, { range: { start: at, end: at }, text: send });
    await client.diagnosticsOf(uri, () => true, version);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: at.line, character: 42 } });
    assert.equal(definition.length, 1);
    // The handler's script string opens on the line above its def (one line lower now, below the added send).
    assert.equal(definition[0].range.start.line, positionOf(text, 'def onRefreshData').line);
    const changed = text.replace('    system.perspective.navigate(page=default_page)', `${send}    system.perspective.navigate(page=default_page)`);
    const back = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(changed, '"refreshData": {', 3), context: { includeDeclaration: false } });
    assert.deepEqual(back.map((l) => l.range.start.line), [at.line]);
    const undo = await client.change(uri, { range: { start: at, end: { line: at.line + 1, character: 0 } }, text: '' });
    await client.diagnosticsOf(uri, () => true, undo);
  });

  it('goes from a named query path to where the fixtures declare it', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '"GetUserPreferences"', 3) });
    assert.equal(definition.length, 1);
    assert.ok(definition[0].uri.endsWith('/periscope.json'));
    const fixtures = readFileSync(join(folder, 'periscope.json'), 'utf8');
    assert.equal(definition[0].range.start.line, positionOf(fixtures, '"GetUserPreferences": {').line);
  });

  it('puts a Run lens over each session event and message handler', async () => {
    const lenses = await client.request<Array<{ command: { title: string } }>>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command.title), [
      '▶ Run onStartup', '▶ Run onShutdown', '▶ Run onPageStartup', '▶ Run message handler "refreshData"', '▶ Run message handler "updatePreference"',
    ]);
  });

  it("runs the seed's scenario file and reports its expectations", async () => {
    const report = await client.request<{ summary: string; sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/runScenario', { uri: client.uri(join(folder, 'scenario.json')) });
    assert.match(report.summary, /expectations: 24 passed, 0 failed/);
    assert.equal(report.sections.find((s) => s.title === 'Expectations')!.lines.length, 24);
  });

  it('runs a message handler in the simulator and reports what it changed, queried and where it failed', async () => {
    const report = await client.request<{ sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('workspace/executeCommand', {
      command: 'periscope.simulate',
      arguments: [{ uri, target: { kind: 'session-message', messageType: 'updatePreference' }, payload: { name: 'theme', value: 'dark' } }],
    });
    const section = (title: string) => report.sections.find((s) => s.title === title)?.lines.map((l) => l.text).join('\n') ?? '';
    // Nobody is logged in, yet `session.auth.user` is a truthy object: the query runs with a null user name.
    assert.match(section('Result'), /message updatePreference: .*NOT NULL constraint failed: user_preference_values\.username/);
    const result = report.sections.find((s) => s.title === 'Result')!.lines as Array<{ text: string; file?: string; line?: number }>;
    assert.ok(result.some((l) => l.file === file && l.line === 240), JSON.stringify(result));
    assert.match(section('Prop changes'), /custom\.preferences\.theme: "light" → "dark"/);
    assert.match(section('Queries'), /UpdateUserPreference/);
  });
});

describe('language server: an Ignition 8.1 project', function () {
  this.timeout(120_000);
  let client: LspClient;
  let project: string;
  let dataBin: string;
  let dataUri: string;
  let dataText: string;

  before(async () => {
    const folder = copy(join(root, 'test', 'fixtures', 'project-81'));
    project = folder;
    dataBin = join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
    dataText = readFileSync(dataBin, 'utf8');
    client = await LspClient.start({ folders: [folder], watchFiles: true });
    dataUri = await client.open(dataBin, dataText, 'json');
  });

  after(() => client.stop());

  it('lints scripts stored in data.bin at their JSON positions', async () => {
    const diagnostics = await client.diagnosticsOf(dataUri);
    const unreachable = diagnostics.filter((d) => d.code === 'unreachable-session-handler');
    assert.deepEqual(unreachable.map((d) => [d.range.start.line, d.range.start.character]), [[10, 17], [15, 17]]);
  });

  it('hovers and completes inside a JSON string', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: dataUri }, position: positionOf(dataText, 'session.props.id', 15) });
    assert.match(hoverText(hover), /session\.props\.id: str/);
    const items = labels(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: dataUri }, position: afterText(dataText, '\\tsession.custom.') }));
    assert.ok(items.includes('orderCount') && items.includes('shiftLead'), items.join(' '));
  });

  it('goes from a library call to its code.py', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: dataUri }, position: positionOf(dataText, 'plant.orders.openCount', 14) });
    assert.equal(definition.length, 1);
    assert.ok(definition[0].uri.endsWith('/ignition/script-python/plant/orders/code.py'));
    assert.equal(definition[0].range.start.line, 2);
  });

  it('goes from a named query path to its query.sql', async () => {
    const library = join(project, 'ignition', 'script-python', 'plant', 'orders', 'code.py');
    const text = readFileSync(library, 'utf8');
    const uri = await client.open(library, text, 'python');
    await client.diagnosticsOf(uri);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '"Orders/Count"', 2) });
    assert.deepEqual(definition.map((l) => l.uri.slice(-'named-query/Orders/Count/query.sql'.length)), ['named-query/Orders/Count/query.sql']);
  });

  it('re-indexes files changed on disk: a sender added in one file clears unreachable-session-handler in another', async () => {
    const sender = join(project, 'ignition', 'script-python', 'plant', 'notify', 'code.py');
    mkdirSync(join(sender, '..'), { recursive: true });
    writeFileSync(sender, 'def orders(line):\n\tsystem.util.sendMessage("Bottling", "refreshOrders", {"line": line}, scope="S")\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(sender), type: 1 }] });
    const diagnostics = await client.diagnosticsOf(dataUri, (d) => d.filter((x) => x.code === 'unreachable-session-handler').length === 1);
    assert.equal(diagnostics.find((d) => d.code === 'unreachable-session-handler')!.range.start.line, 15);
  });

  it('edits an embedded script as a Python document and writes it back changing no other byte', async () => {
    const opened = await client.request<{ uri: string; text: string }>('periscope/embeddedScript', { textDocument: { uri: dataUri }, uri: dataUri, position: positionOf(dataText, 'orderCount \\u003c 0') });
    assert.ok(opened.uri.startsWith('periscope-embedded:'));
    assert.equal(opened.text, '\tline = payload.get("line", session.custom.line)\n\tif session.custom.orderCount < 0:\n\t\tsession.custom.orderCount = 0\n\tsession.custom.orderCount = plant.orders.openCount(line)\n');
    await client.openUri(opened.uri, opened.text);
    const edited = opened.text.replace('orderCount = 0\n', 'orderCount = session.id\n');
    await client.change(opened.uri, { text: edited });
    const diagnostics = await client.diagnosticsOf(opened.uri, (d) => d.some((x) => x.code === 'no-such-session-attr'));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'no-such-session-attr').map((d) => d.range.start), [{ line: 2, character: 30 }]);
    const edit = await client.request<WorkspaceEdit>('periscope/embeddedScript/edit', { uri: opened.uri, text: edited });
    const written = applyEdits(dataText, edit.changes![dataUri]);
    assert.equal(written, dataText.replace('\\t\\tsession.custom.orderCount \\u003d 0\\n', '\\t\\tsession.custom.orderCount \\u003d session.id\\n'));
  });

  it('runs a Session Events message handler of the project with its payload', async () => {
    const lenses = await client.request<Array<{ command: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: dataUri } });
    assert.ok(lenses.some((l) => l.command.title === '▶ Run message handler "refreshOrders"'));
    const report = await client.request<{ sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('workspace/executeCommand', {
      command: 'periscope.simulate', arguments: [{ uri: dataUri, target: { kind: 'session-message', messageType: 'refreshOrders' }, payload: { line: 'Capper' } }],
    });
    const queries = report.sections.find((s) => s.title === 'Queries')!.lines.map((l) => l.text);
    assert.ok(queries.some((q) => /Orders\/Count \{"line":"Capper"\}/.test(q)), queries.join('\n'));
  });
});

describe('language server: an editor that does not report changes on disk', function () {
  this.timeout(120_000);

  it('notices a file written on disk by itself and re-lints the open files', async () => {
    const project = copy(join(root, 'test', 'fixtures', 'project-81'));
    const client = await LspClient.start({ folders: [project], watchFiles: false });
    try {
      const dataUri = await client.open(join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin'));
      await client.diagnosticsOf(dataUri, (d) => d.filter((x) => x.code === 'unreachable-session-handler').length === 2);
      const sender = join(project, 'ignition', 'script-python', 'plant', 'notify', 'code.py');
      mkdirSync(join(sender, '..'), { recursive: true });
      writeFileSync(sender, 'def orders(line):\n\tsystem.util.sendMessage("Bottling", "refreshOrders", {"line": line}, scope="S")\n');
      await client.diagnosticsOf(dataUri, (d) => d.filter((x) => x.code === 'unreachable-session-handler').length === 1);
      // The sender vanishes again (its whole package): the handler is unreachable once more.
      rmSync(join(sender, '..'), { recursive: true });
      await client.diagnosticsOf(dataUri, (d) => d.filter((x) => x.code === 'unreachable-session-handler').length === 2);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: an editor that does not report changes on disk, and a project created later', function () {
  this.timeout(120_000);

  it('finds a project copied into the workspace folder after the server started, and indexes its handlers', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'periscope-lsp-'));
    cpSync(join(root, 'test', 'fixtures', 'project-81'), join(folder, 'Bottling'), { recursive: true });
    mkdirSync(join(folder, 'plants'));
    const client = await LspClient.start({ folders: [folder], watchFiles: false });
    try {
      const sources = async () => new Set((await client.request<Array<{ source: string }>>('periscope/messageHandlers', {})).map((h) => h.source));
      assert.deepEqual(await sources(), new Set([join(folder, 'Bottling')]));
      // One level down, in a folder that held no project when the server started.
      cpSync(join(root, 'test', 'fixtures', 'project-83'), join(folder, 'plants', 'Packaging'), { recursive: true });
      for (let tries = 0; !(await sources()).has(join(folder, 'plants', 'Packaging')); tries++) {
        assert.ok(tries < 200, 'the new project was never indexed');
        await new Promise((done) => setTimeout(done, 100));
      }
    } finally {
      await client.stop();
    }
  });
});

describe('language server: a component message handler of a view', function () {
  this.timeout(120_000);

  it('runs it from its lens on a page showing its view, and reports its queries and prop changes', async () => {
    const project = copy(join(root, 'test', 'fixtures', 'project-81'));
    const client = await LspClient.start({ folders: [project] });
    try {
      const file = join(project, 'com.inductiveautomation.perspective', 'views', 'Overview', 'view.json');
      const uri = await client.open(file);
      await client.diagnosticsOf(uri);
      const lenses = await client.request<Array<{ command: { title: string; arguments: Array<{ target: unknown }> } }>>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command.title), ['▶ Run component handler "ordersChanged"', '▶ Run component handler "lineSelected"', '▶ Run component handler "highlight"']);
      const report = await client.request<{ sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/run', { uri, target: lenses[1].command.arguments[0].target, payload: { line: 'Filler' } });
      const section = (title: string) => report.sections.find((s) => s.title === title)?.lines.map((l) => l.text).join('\n') ?? '';
      assert.match(section('Result'), /Overview root\/OrdersTable message lineSelected: ok/);
      assert.match(section('Messages'), /message lineSelected \{"line":"Filler"\} scope=page → Overview\/root\/OrdersTable/);
      assert.match(section('Queries'), /query Orders\/ByLine \{"line":"Filler"\} → 2 rows/);
      assert.match(section('Prop changes'), /view:Overview\/root\/OrdersTable\.props\.data: \[\] →/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: a live session through the inspector protocol', function () {
  this.timeout(120_000);

  it('opens a session runtime, relays inspector frames both ways, and writes a custom prop', async () => {
    const folder = copy(join(root, 'examples', 'seed'));
    const client = await LspClient.start({ folders: [folder] });
    try {
      const uri = await client.open(join(folder, 'session-scripts.md'));
      await client.diagnosticsOf(uri);
      const { inspector } = await client.request<{ inspector: number }>('periscope/inspector/open', { uri });
      // The inspector protocol over LSP notifications, as the VS Code session view's relay carries it.
      let receive: ((text: string) => void) | undefined;
      client.connection.onNotification('periscope/inspector/frame', (frame: { inspector: number; text: string }) => {
        if (frame.inspector === inspector) receive?.(frame.text);
      });
      const transport: Transport = {
        send: (text) => void client.connection.sendNotification('periscope/inspector/frame', { inspector, text }),
        onFrame: (receiver) => void (receive = receiver),
        onClose: () => {},
        close: () => void client.connection.sendNotification('periscope/inspector/close', { inspector }),
      };
      const store = new InspectorStore(new InspectorClient(transport));
      await store.start();
      assert.deepEqual(store.hello!.messageHandlers, ['refreshData', 'updatePreference']);
      const { session } = await store.client.request('open', { path: '/home' });
      await store.client.request('write', { session, path: 'custom.preferences.theme', value: 'dark' });
      // The patch may arrive before the write's reply: look first, then wait for changes.
      const themeIsDark = () => (store.sessions.get(session)?.custom as { preferences?: { theme?: string } } | undefined)?.preferences?.theme === 'dark';
      await new Promise<void>((done) => {
        if (themeIsDark()) return done();
        const stop = store.onChange(() => {
          if (!themeIsDark()) return;
          stop();
          done();
        });
      });
      assert.ok(store.events.some((e) => e.kind === 'prop' && e.path === 'custom.preferences.theme' && e.new === 'dark'));
      assert.ok(store.events.some((e) => e.kind === 'script' && e.name === 'onStartup'));
    } finally {
      await client.stop();
    }
  });
});

describe('language server: the engine setting', function () {
  this.timeout(180_000);

  for (const engine of ['pyodide', 'auto'] as const) {
    it(`runs on the engine periscope.engine "${engine}" chooses, as the CLI's --engine does`, async () => {
      const folder = copy(join(root, 'examples', 'seed'));
      const expected = planEngine({ engine, source: folder }).name;
      const client = await LspClient.start({ folders: [folder], settings: { engine } });
      try {
        const uri = await client.open(join(folder, 'session-scripts.md'));
        await client.diagnosticsOf(uri);
        const report = await client.request<{ trace: string[] }>('periscope/run', { uri, target: { kind: 'session-event', event: 'onStartup' } });
        assert.match(report.trace[0], new RegExp(`engine ${expected}: `));
      } finally {
        await client.stop();
      }
    });
  }
});

describe('language server: Run lenses over the event functions of a .py module', function () {
  this.timeout(120_000);

  it('puts a lens over each event function by name, and runs a keystroke and a Bluetooth event with what they are given', async () => {
    const scripts = [
      'def onKeyEvent(page, event):',
      '\tsystem.perspective.print("key %s ctrl=%s" % (event.key, event.ctrlKey))',
      '',
      'def onBluetoothReceived(session, data):',
      '\tsystem.perspective.print("bluetooth %s" % data.get("value"))',
      '',
      'def helper():',
      '\tpass',
      '',
    ].join('\n');
    const folder = mkdtempSync(join(tmpdir(), 'periscope-lsp-'));
    writeFileSync(join(folder, 'events.py'), scripts);
    const client = await LspClient.start({ folders: [folder] });
    try {
      const uri = await client.open(join(folder, 'events.py'), scripts);
      type Lens = { command: { title: string; arguments: Array<{ target: unknown }> } };
      const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command.title), ['▶ Run key event "onKeyEvent"', '▶ Run onBluetoothReceived']);
      const logs = async (lens: Lens, payload: unknown) => {
        const report = await client.request<{ sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/run', { uri, target: lens.command.arguments[0].target, payload });
        return report.sections.find((s) => s.title === 'Logs')?.lines.map((l) => l.text).join('\n') ?? '';
      };
      assert.match(await logs(lenses[0], { key: 'F5', ctrlKey: true }), /key F5 ctrl=True/);
      assert.match(await logs(lenses[1], { data: { value: 'AA:01' } }), /bluetooth AA:01/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: Workspace Trust', function () {
  this.timeout(180_000);

  it('runs an untrusted workspace on the sealed Pyodide engine whatever engine is set, and says so once', async () => {
    const folder = copy(join(root, 'examples', 'seed'));
    const client = await LspClient.start({ folders: [folder], settings: { engine: 'jython', trusted: false } });
    try {
      const uri = await client.open(join(folder, 'session-scripts.md'));
      await client.diagnosticsOf(uri);
      assert.deepEqual(client.shown, []);
      for (let run = 0; run < 2; run++) {
        const report = await client.request<{ trace: string[] }>('periscope/run', { uri, target: { kind: 'session-event', event: 'onStartup' } });
        assert.match(report.trace[0], /engine pyodide: /);
      }
      assert.equal(client.shown.length, 1);
      assert.match(client.shown[0], /this workspace is not trusted, so runs use the sealed Pyodide engine instead of "jython"/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: a Run lens over every session event of an 8.3 project', function () {
  this.timeout(180_000);
  let client: LspClient;
  let perspective: string;

  before(async () => {
    const project = copy(join(root, 'test', 'fixtures', 'project-83'));
    perspective = join(project, 'com.inductiveautomation.perspective');
    const event = (file: string, text: string) => writeFileSync(join(perspective, file), text);
    event('bluetooth/onBluetoothReceived.py', 'def onBluetoothReceived(session, data):\n\tsystem.perspective.print("bluetooth %s" % data.value)\n');
    event('accelerometer/onAccelerometerDataReceived.py', 'def onAccelerometerDataReceived(session, data, context):\n\tsystem.perspective.print("tilt %s on %s" % (data.x, context.pageId))\n');
    event('nfc-scan/onNdefDataReceived.py', 'def onNdefDataReceived(session, data, context):\n\tsystem.perspective.print("tag %s" % data.records[0])\n');
    event('auth-challenge/onAuthChallengeCompleted.py', 'def onAuthChallengeCompleted(session, payload, result):\n\tsystem.perspective.print("challenge %s %s" % (payload["reason"], result.success))\n');
    event('shutdown/onShutdown.py', 'def onShutdown(session):\n\tsystem.util.getLogger("shift").info("bye %s" % session.custom.line)\n');
    // A second keystroke handler: a Run of one handler is heard by that one only.
    mkdirSync(join(perspective, 'key-event', 'help'), { recursive: true });
    event('key-event/help/resource.json', JSON.stringify({ scope: 'G', version: 1, files: ['onKeyEvent.py'], attributes: { enabled: true } }));
    event('key-event/help/onKeyEvent.py', 'def onKeyEvent(page, event):\n\tsystem.perspective.print("help for %s" % event.key)\n');
    mkdirSync(join(perspective, 'form-submission-handler', 'contact'), { recursive: true });
    event('form-submission-handler/contact/resource.json', JSON.stringify({ scope: 'G', version: 1, files: ['handleSubmission.py'], attributes: { enabled: true } }));
    event('form-submission-handler/contact/handleSubmission.py', 'def handleSubmission(session, name, data, files, formContext, sessionContext, retry):\n\tsystem.perspective.print("form %s from %s" % (name, data["email"]))\n');
    client = await LspClient.start({ folders: [project] });
  });

  after(() => client.stop());

  type Lens = { command: { title: string; arguments: Array<{ target: unknown; payload?: { prompt: string; example: string } }> } };
  const cases: Array<{ file: string; title: string; payload?: Record<string, unknown>; log: RegExp; asks?: RegExp }> = [
    { file: 'startup/onStartup.py', title: '▶ Run onStartup', log: /^$/ },
    { file: 'page-startup/onPageStartup.py', title: '▶ Run onPageStartup', log: /^$/ },
    { file: 'shutdown/onShutdown.py', title: '▶ Run onShutdown', log: /bye Filler/ },
    { file: 'barcode/onBarcodeDataReceived.py', title: '▶ Run onBarcodeDataReceived', payload: { text: 'LOT-42' }, log: /scanned LOT-42/, asks: /data\.text/ },
    { file: 'bluetooth/onBluetoothReceived.py', title: '▶ Run onBluetoothReceived', payload: { data: { value: 'AA:01' } }, log: /bluetooth AA:01/, asks: /\(data\)/ },
    { file: 'accelerometer/onAccelerometerDataReceived.py', title: '▶ Run onAccelerometerDataReceived', payload: { data: { x: 0.5 } }, log: /tilt 0\.5 on s1-p1/, asks: /\(data, context\)/ },
    { file: 'nfc-scan/onNdefDataReceived.py', title: '▶ Run onNdefDataReceived', payload: { data: { records: ['lot 7'] } }, log: /tag lot 7/, asks: /\(data, context\)/ },
    { file: 'auth-challenge/onAuthChallengeCompleted.py', title: '▶ Run onAuthChallengeCompleted', payload: { payload: { reason: 'sign-off' } }, log: /challenge sign-off True/, asks: /\(payload, result\)/ },
    { file: 'form-submission-handler/contact/handleSubmission.py', title: '▶ Run form submission "contact"', payload: { data: { email: 'ada@example.com' } }, log: /form contact from ada@example\.com/, asks: /handleSubmission's arguments/ },
  ];
  for (const c of cases) {
    it(`${c.title.slice(2)}: the lens ${c.asks ? 'asks for its arguments, then ' : ''}runs it in the simulator`, async () => {
      const uri = await client.open(join(perspective, c.file), readFileSync(join(perspective, c.file), 'utf8'), 'python');
      const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command.title), [c.title]);
      const [args] = lenses[0].command.arguments;
      if (c.asks) assert.match(args.payload!.prompt, c.asks);
      else assert.equal(args.payload, undefined);
      const report = await client.request<{ ok: boolean; sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/run', { uri, target: args.target, payload: c.payload });
      const section = (title: string) => report.sections.find((s) => s.title === title)?.lines.map((l) => l.text).join('\n') ?? '';
      assert.ok(report.ok, JSON.stringify(report.sections));
      assert.match(section('Result'), new RegExp(`${(args.target as { event?: string }).event ?? 'form contact'}: ok`));
      assert.match(section('Logs'), c.log);
    });
  }

  it('key event "quickRefresh": the lens asks for the event object, runs it with the key, and its message reaches its handler', async () => {
    const file = join(perspective, 'key-event', 'quickRefresh', 'onKeyEvent.py');
    const uri = await client.open(file);
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command.title), ['▶ Run key event "quickRefresh"']);
    const [args] = lenses[0].command.arguments;
    assert.match(args.payload!.example, /"key": "Enter"/);
    const report = await client.request<{ sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/run', { uri, target: args.target, payload: { key: 'F5', ctrlKey: true } });
    const section = (title: string) => report.sections.find((s) => s.title === title)?.lines.map((l) => l.text).join('\n') ?? '';
    assert.match(section('Result'), /key quickRefresh: ok/);
    assert.match(section('Messages'), /message refreshOrders \{"line":"Filler"\}/);
    assert.doesNotMatch(section('Logs'), /help for/);
  });

  it('a form submission handler that is not there: the run says which ones are', async () => {
    const uri = client.uri(join(perspective, 'form-submission-handler', 'contact', 'handleSubmission.py'));
    const report = await client.request<{ ok: boolean; sections: Array<{ title: string; lines: Array<{ text: string }> }> }>('periscope/run', { uri, target: { kind: 'form-submission', name: 'feedback' }, payload: {} });
    assert.equal(report.ok, false);
    assert.match(report.sections.find((s) => s.title === 'Expectations')!.lines[0].text, /the project has no form submission handler "feedback"; it has "contact"/);
  });
});

