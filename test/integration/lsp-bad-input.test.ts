// The language server under bad input: runaway and crashing runs, bursts of edits, binary, huge, broken, vanishing
// and very many files. It keeps answering, says what is wrong where that is due, and loses nothing.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { testEngines } from '../support/engines';
import { LspClient } from '../support/lsp-client';
import { positionOf } from '../support/text-positions';

const root = join(import.meta.dirname, '..', '..');

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'periscope-lsp-bad-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

/** The live processes the server started (its simulator). */
function serverChildren(client: LspClient): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=', '--ppid', String(client.process.pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when the server has no child at this moment.
    return [];
  }
  return out.trim().split('\n').filter((l) => l.trim() !== '' && !/\sZ/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter((l) => l.trim() !== '').map(Number);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

type Report = { ok?: boolean; error?: string; sections?: Array<{ title: string; lines: Array<{ text: string }> }> };

describe('language server: runs that never return or crash', function () {
  this.timeout(180_000);
  let client: LspClient;
  let uri: string;
  const scripts = 'def onStartup(session):\n\tsession.custom.started = True\n\twhile True:\n\t\tpass\n\ndef onPageStartup(page):\n\tpage.session.custom.opened = True\n';

  before(async () => {
    const folder = folderWith({ 'events.py': scripts });
    client = await LspClient.start({ folders: [folder], settings: { scriptTimeoutSeconds: 2 } });
    uri = await client.open(join(folder, 'events.py'), scripts);
    await client.diagnosticsOf(uri);
  });

  after(() => client.stop());

  const run = (event: string) => client.request<Report>('workspace/executeCommand', { command: 'periscope.simulate', arguments: [{ uri, target: { kind: 'session-event', event } }] });

  it('interrupts a script that never returns, and answers requests while it runs', async () => {
    const order: string[] = [];
    const running = run('onStartup').then((report) => {
      order.push('run');
      return report;
    });
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(scripts, 'custom.started') });
    order.push('hover');
    assert.equal(hover, null);
    const report = await running;
    assert.deepEqual(order, ['hover', 'run']);
    assert.equal(report.ok, false);
    const result = report.sections!.find((s) => s.title === 'Result')!.lines[0].text;
    assert.match(result, /onStartup: TimeoutError/);
  });

  it('reports an engine crash during a run, and the next run works', async () => {
    const before = serverChildren(client);
    // A new setting starts a new simulator process, which takes the run; kill it as a crash would.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { periscope: { scriptTimeoutSeconds: 600 } } });
    const running = run('onStartup');
    const pid = await client.until(() => serverChildren(client).find((p) => !before.includes(p)));
    process.kill(pid, 'SIGKILL');
    const report = await running;
    assert.match(report.error ?? '', /the simulator stopped \(signal SIGKILL\) during the run; it starts again with the next run/);
    // Startup runs first in the next run's session: with a short timeout again it is interrupted, and the page opens.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { periscope: { scriptTimeoutSeconds: 2 } } });
    const next = await run('onPageStartup');
    assert.match(next.sections!.find((s) => s.title === 'Result')!.lines[0].text, /onPageStartup: ok/);
  });
});

describe('language server: the Jython engine dying', function () {
  this.timeout(240_000);
  const jython = testEngines.find((e) => e.name === 'jython')!;
  const scripts = 'def onBarcodeDataReceived(session, data, context):\n\twhile True:\n\t\tpass\n\ndef onPageStartup(page):\n\tpage.session.custom.opened = True\n';
  let client: LspClient;
  let uri: string;
  const run = (event: string) => client.request<Report>('periscope/run', { uri, target: { kind: 'session-event', event }, payload: { text: 'LOT-1' } });
  /** The simulator's JVM. */
  const jvm = () => client.until(() => serverChildren(client).flatMap((pid) => childrenOf(pid)).find((pid) => /java/.test(commandOf(pid))));
  const said = (report: Report) => report.error ?? report.sections?.flatMap((s) => s.lines.map((l) => l.text)).join('\n') ?? '';

  before(async function () {
    if (jython.unavailable) this.skip();
    const folder = folderWith({ 'events.py': scripts });
    client = await LspClient.start({ folders: [folder], settings: { engine: 'jython', scriptTimeoutSeconds: 600 } });
    uri = await client.open(join(folder, 'events.py'), scripts);
    await client.diagnosticsOf(uri);
  });

  after(() => client?.stop());

  it('while it starts: the run says the engine stopped, and the next run starts it again', async () => {
    process.kill(await jvm(), 'SIGKILL');
    const report = await run('onPageStartup');
    assert.match(said(report), /JVM (was )?stopped/);
    // Killed from outside: nothing suggests the jar is wrong.
    assert.doesNotMatch(said(report), /is Jython 2\.7/);
    const next = await run('onPageStartup');
    assert.match(next.sections!.find((s) => s.title === 'Result')!.lines[0].text, /onPageStartup: ok/);
  });

  it('during a run: the run says so without a stack trace, and the next run works', async () => {
    await run('onPageStartup');
    const running = run('onBarcodeDataReceived');
    // The JVM once it spins in the scan's handler (its worker thread busy).
    await new Promise((done) => setTimeout(done, 1500));
    process.kill(await jvm(), 'SIGKILL');
    const report = await running;
    assert.match(said(report), /onBarcodeDataReceived: EngineCrash: the Jython engine's JVM stopped \(signal SIGKILL\)/);
    assert.doesNotMatch(said(report), /\n\s+at /);
    const next = await run('onPageStartup');
    assert.match(next.sections!.find((s) => s.title === 'Result')!.lines[0].text, /onPageStartup: ok/);
  });
});

describe('language server: a Run whose project vanished', function () {
  this.timeout(120_000);

  it('says what is missing, and the server keeps answering', async () => {
    const project = mkdtempSync(join(tmpdir(), 'periscope-lsp-bad-'));
    cpSync(join(root, 'test', 'fixtures', 'project-81'), project, { recursive: true });
    const client = await LspClient.start({ folders: [project] });
    try {
      const dataBin = join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
      const dataText = readFileSync(dataBin, 'utf8');
      const uri = await client.open(dataBin, dataText);
      await client.diagnosticsOf(uri);
      rmSync(join(project, 'com.inductiveautomation.perspective'), { recursive: true });
      rmSync(join(project, 'ignition'), { recursive: true });
      const report = await client.request<Report>('periscope/run', { uri, target: { kind: 'session-message', messageType: 'refreshOrders' }, payload: {} });
      const said = report.error ?? report.sections?.flatMap((s) => s.lines.map((l) => l.text)).join('\n') ?? '';
      assert.match(said, /message refreshOrders did not run: the files on disk define no such handler/);
      assert.doesNotMatch(said, /internal error|\n\s+at /, said);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(dataText, 'session.props.id', 15) });
      assert.ok(hover);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: bursts of edits', function () {
  this.timeout(60_000);

  it('lints a burst of hundreds of edits once for the last version, and never publishes a stale one', async () => {
    const folder = folderWith({ 'events.py': 'def onStartup(session):\n\tpass\n' });
    const client = await LspClient.start({ folders: [folder] });
    try {
      const uri = await client.open(join(folder, 'events.py'), 'def onStartup(session):\n\tpass\n');
      await client.diagnosticsOf(uri);
      const before = client.publishes.get(uri)!;
      let version = 1;
      for (let i = 0; i < 300; i++) {
        version = await client.change(uri, { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: i === 299 ? 'x = session.id\n\t' : '#' });
      }
      const diagnostics = await client.diagnosticsOf(uri, () => true, version);
      assert.deepEqual(diagnostics.map((d) => d.code), ['no-such-session-attr']);
      assert.ok(client.publishes.get(uri)! - before < 300, `${client.publishes.get(uri)! - before} publishes for 300 edits`);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: bad files', function () {
  this.timeout(180_000);
  let client: LspClient;
  let project: string;
  const viewFile = () => join(project, 'com.inductiveautomation.perspective', 'views', 'Overview', 'view.json');

  before(async () => {
    project = mkdtempSync(join(tmpdir(), 'periscope-lsp-bad-'));
    cpSync(join(root, 'test', 'fixtures', 'project-81'), project, { recursive: true });
    client = await LspClient.start({ folders: [project], watchFiles: true });
  });

  after(() => client.stop());

  it('says a binary file is not read', async () => {
    const file = join(project, 'ignition', 'script-python', 'plant', 'blob', 'code.py');
    const uri = await client.open(file, 'def f():\n\u0000\u0001\u0002');
    const [diagnostic] = await client.diagnosticsOf(uri);
    assert.match(String(diagnostic.message), /binary file/);
  });

  it('says a 50 MB view.json is too large to read, and keeps answering', async () => {
    const huge = JSON.stringify({ root: { type: 'ia.container.flex', meta: { name: 'root' }, props: { text: 'x'.repeat(50 * 1024 * 1024) } } });
    const uri = await client.open(join(project, 'com.inductiveautomation.perspective', 'views', 'Huge', 'view.json'), huge);
    const [diagnostic] = await client.diagnosticsOf(uri);
    assert.match(String(diagnostic.message), /50\.0 MB is larger than the 5 MB Periscope reads/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } }), null);
    // The same file landing on disk in the project: the project is read again, and the server goes on answering.
    const onDisk = join(project, 'com.inductiveautomation.perspective', 'views', 'Huge2', 'view.json');
    mkdirSync(join(onDisk, '..'), { recursive: true });
    writeFileSync(onDisk, huge);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(onDisk), type: 1 }] });
    const dataBin = join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
    const dataText = readFileSync(dataBin, 'utf8');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: await client.open(dataBin, dataText) }, position: positionOf(dataText, 'session.props.id', 15) });
    assert.ok(hover);
  });

  it('reports invalid JSON while the user types, and recovers when it is valid again', async () => {
    const text = readFileSync(viewFile(), 'utf8');
    const uri = await client.open(viewFile(), text);
    await client.diagnosticsOf(uri);
    const broken = await client.change(uri, { text: text.slice(0, text.length / 2) });
    const diagnostics = await client.diagnosticsOf(uri, () => true, broken);
    assert.ok(diagnostics.some((d) => /is not valid JSON here/.test(String(d.message))), diagnostics.map((d) => String(d.message)).join('\n'));
    const fixed = await client.change(uri, { text });
    assert.ok(!(await client.diagnosticsOf(uri, () => true, fixed)).some((d) => /not valid JSON/.test(String(d.message))));
  });

  it('keeps answering when files vanish or are renamed under it', async () => {
    const dataBin = join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
    const dataText = readFileSync(dataBin, 'utf8');
    const dataUri = await client.open(dataBin, dataText);
    await client.diagnosticsOf(dataUri);
    const library = join(project, 'ignition', 'script-python', 'plant', 'orders');
    renameSync(library, join(project, 'ignition', 'script-python', 'plant', 'orders2'));
    rmSync(join(project, 'com.inductiveautomation.perspective', 'views', 'Area'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: client.uri(join(library, 'code.py')), type: 3 },
        { uri: client.uri(join(project, 'ignition', 'script-python', 'plant', 'orders2', 'code.py')), type: 1 },
        { uri: client.uri(join(project, 'com.inductiveautomation.perspective', 'views', 'Area', 'Detail', 'view.json')), type: 3 },
      ],
    });
    // The library moved: `plant.orders` is no longer where the scripts call it, and `plant.orders2` is.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: dataUri }, position: positionOf(dataText, 'session.props.id', 15) });
    assert.ok(hover);
    const definition = await client.request<unknown[]>('textDocument/definition', { textDocument: { uri: dataUri }, position: positionOf(dataText, 'plant.orders.openCount', 14) });
    assert.deepEqual(definition, []);
  });
});

describe('language server: binary files on disk in a project', function () {
  this.timeout(120_000);

  it('indexes the project around them, says each is not read when opened, and keeps answering', async () => {
    const project = mkdtempSync(join(tmpdir(), 'periscope-lsp-bad-'));
    cpSync(join(root, 'test', 'fixtures', 'project-81'), project, { recursive: true });
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00, 0x01]);
    const library = join(project, 'ignition', 'script-python', 'plant', 'logo', 'code.py');
    const view = join(project, 'com.inductiveautomation.perspective', 'views', 'Logo', 'view.json');
    for (const file of [library, view]) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, binary);
    }
    const client = await LspClient.start({ folders: [project] });
    try {
      for (const file of [library, view]) {
        const uri = await client.open(file, binary.toString('latin1'));
        const [diagnostic] = await client.diagnosticsOf(uri);
        assert.match(String(diagnostic.message), /binary file/);
      }
      const dataBin = join(project, 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
      const dataText = readFileSync(dataBin, 'utf8');
      const dataUri = await client.open(dataBin, dataText);
      assert.ok((await client.diagnosticsOf(dataUri)).some((d) => d.code === 'unreachable-session-handler'));
      assert.ok(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: dataUri }, position: positionOf(dataText, 'session.props.id', 15) }));
    } finally {
      await client.stop();
    }
  });
});

describe('language server: a project with 10,000 views', function () {
  this.timeout(300_000);

  it('indexes it while answering requests, then lints its views', async () => {
    const project = mkdtempSync(join(tmpdir(), 'periscope-lsp-10k-'));
    writeFileSync(join(project, 'project.json'), '{"title": "Large", "parent": "", "enabled": true}');
    const views = join(project, 'com.inductiveautomation.perspective', 'views');
    for (let i = 0; i < 10_000; i++) {
      mkdirSync(join(views, `Area${i % 100}`, `View${i}`), { recursive: true });
      writeFileSync(join(views, `Area${i % 100}`, `View${i}`, 'view.json'), JSON.stringify({
        root: { type: 'ia.container.flex', meta: { name: 'root' }, events: { dom: { onClick: { type: 'script', config: { script: `\tsystem.perspective.sendMessage("select", {"view": ${i}}, scope="page")` } } } } },
      }));
    }
    const client = await LspClient.start({ folders: [project] }, false);
    try {
      // A request made while the index is being built is answered before the index is done.
      const order: string[] = [];
      const indexed = client.indexed().then(() => order.push('indexed'));
      await client.request('textDocument/hover', { textDocument: { uri: client.uri(join(project, 'x.py')) }, position: { line: 0, character: 0 } });
      order.push('hover');
      await indexed;
      assert.deepEqual(order, ['hover', 'indexed']);
      const file = join(views, 'Area7', 'View7', 'view.json');
      const text = readFileSync(file, 'utf8').replace('system.perspective.sendMessage', 'system.perspective.sendMesage');
      const uri = await client.open(file, text);
      const diagnostics = await client.diagnosticsOf(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-system-function']);
    } finally {
      await client.stop();
    }
  });
});
