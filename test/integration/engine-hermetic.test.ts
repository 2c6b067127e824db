// The Pyodide engine is sealed: scripts never reach the machine running the simulation, and each attempt is named.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import type { Engine, Outcome } from '../../shared/engine/types';
import { LineIndex, OriginMap } from '../../shared/source/origin';

describe('the sealed Pyodide engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  let hostDir: string;
  let server: Server;
  let port: number;
  let connections = 0;
  let scriptCount = 0;

  before(async () => {
    engine = await createPyodideEngine({ scriptTimeoutMs: 10_000, hostCall: () => null });
    hostDir = mkdtempSync(join(tmpdir(), 'periscope-hermetic-'));
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  after(async () => {
    await engine?.dispose();
    server?.close();
    rmSync(hostDir, { recursive: true, force: true });
  });

  /** Runs a script's module code; its file is `escape<n>.py`, one line per entry of `lines`. */
  async function run(lines: string[]): Promise<Outcome> {
    const text = `${lines.join('\n')}\n`;
    const id = `escape${++scriptCount}`;
    return engine.load({ script: { id, role: { kind: 'module' }, text, origin: OriginMap.slice(`${id}.py`, new LineIndex(text), 0) }, namespace: id });
  }

  /** The script ran to its end (every attempt refused inside a try), and nothing landed in the host folder. */
  function assertRefused(outcome: Outcome, calls: Array<[string, number]>): void {
    assert.ok(outcome.ok, `the script stops at nothing it cannot handle: ${JSON.stringify(outcome)}`);
    const named = outcome.divergences.filter((d) => d.rule === 'host-access').map((d) => [d.message.replace(/ (would run|reaches) .*$/s, ''), d.line]);
    assert.deepEqual(named, calls);
    assert.deepEqual(readdirSync(hostDir), [], 'no file appeared on the host');
  }

  it('runs no host command through os.system, os.popen or subprocess, and says so at each line', async () => {
    const target = join(hostDir, 'owned');
    const outcome = await run([
      'import os, subprocess',
      'for attempt in (',
      `        lambda: os.system("id > ${target}"),`,
      `        lambda: os.popen("id > ${target}"),`,
      `        lambda: subprocess.check_output(["sh", "-c", "id > ${target}"]),`,
      `        lambda: subprocess.Popen("id > ${target}", shell=True)):`,
      '    try:',
      '        attempt()',
      '        raise AssertionError("ran")',
      '    except OSError, e:',
      '        assert "does not run in the simulator" in str(e), str(e)',
    ]);
    assertRefused(outcome, [['os.system', 3], ['os.popen', 4], ['subprocess.check_output', 5], ['subprocess.Popen', 6]]);
    assert.match(outcome.divergences[0].message, /on a gateway it runs on the gateway's machine/);
  });

  it('has no js, pyodide_js or pyodide.code module for scripts: ImportError, as on a gateway', async () => {
    const outcome = await run([
      'import importlib, sys',
      'def refused(load):',
      '    try:',
      '        load()',
      '    except ImportError:',
      '        return',
      '    raise AssertionError("imported")',
      'refused(lambda: __import__("js").eval("1"))',
      'refused(lambda: importlib.import_module("pyodide_js").mountNodeFS("/host", "/"))',
      'refused(lambda: importlib.import_module("pyodide.code").run_js("process"))',
      'refused(lambda: __import__("js").globalThis.process.getBuiltinModule("fs"))',
      'assert "js" not in sys.modules and "pyodide_js" not in sys.modules',
    ]);
    assertRefused(outcome, [['import js', 8], ['import pyodide_js', 9], ['import pyodide', 10], ['import js', 11]]);
    assert.match(outcome.divergences[0].message, /JavaScript host of the simulator's Python engine/);
  });

  it('refuses the same calls made from strings given to exec', async () => {
    const outcome = await run([
      'try:',
      '    exec("import js\\njs.Function(\'return process\')()")',
      'except ImportError:',
      '    pass',
      'try:',
      `    exec("import os\\nos.system('touch ${join(hostDir, 'exec')}')")`,
      'except OSError:',
      '    pass',
    ]);
    assertRefused(outcome, [['import js', 2], ['os.system', 6]]);
  });

  it('stops scripts that find JavaScript objects without importing js: no code from strings, no process', async () => {
    const outcome = await run([
      'import gc, types',
      'loaders = [m for m in gc.get_objects() if isinstance(m, types.ModuleType) and m.__name__ == "pyodide._package_loader"]',
      'some_js_object = vars(loaders[0])["loadedPackages"]',
      'Function = some_js_object.constructor.constructor',
      'try:',
      '    Function("return process")()',
      '    raise AssertionError("compiled")',
      'except Exception, e:',
      '    assert "sealed" in str(e), str(e)',
    ]);
    assertRefused(outcome, [['new Function', 6]]);
  });

  it('turns ctypes calls into C system() and emscripten_run_script() into failures that run nothing', async () => {
    const target = join(hostDir, 'ctypes');
    const outcome = await run([
      'import multiprocessing.sharedctypes',
      'libc = multiprocessing.sharedctypes.ctypes.CDLL(None)',
      `status = libc.system(b"id > ${target}")`,
      'assert status != 0, status',
      `libc.emscripten_run_script(b"require('fs').writeFileSync('${target}', 'x')")`,
    ]);
    // C code calls them with the interpreter lock released, so the attempt is placed at the script's start.
    assertRefused(outcome, [['child_process.spawnSync', 1], ['eval', 1]]);
  });

  it('opens no socket: connecting to a server on this machine raises OSError and the server sees nobody', async () => {
    const outcome = await run([
      'import socket',
      'for connect in (',
      `        lambda: socket.create_connection(("127.0.0.1", ${port}), 2),`,
      `        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", ${port}))):`,
      '    try:',
      '        connect()',
      '        raise AssertionError("connected")',
      '    except OSError:',
      '        pass',
    ]);
    assertRefused(outcome, [['socket.create_connection', 3], ['socket.connect', 4]]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(connections, 0);
  });

  it('writes files a script opens to its own in-memory file system, never to the host, naming each write', async () => {
    const target = join(hostDir, 'written.txt');
    const outcome = await run([
      'import os, shutil',
      `os.makedirs("${hostDir}")`,
      `with open("${target}", "w") as f:`,
      '    f.write("data")',
      `assert open("${target}").read() == "data"`,
      `shutil.copy("${target}", "${target}.bak")`,
      `os.remove("${target}")`,
      `assert os.listdir("${hostDir}") == ["written.txt.bak"]`,
    ]);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.equal(existsSync(target), false);
    assert.deepEqual(readdirSync(hostDir), []);
    const named = outcome.divergences.filter((d) => d.rule === 'host-access').map((d) => [d.message.replace(/ changes files .*$/s, ''), d.line]);
    assert.deepEqual(named, [
      [`os.makedirs('${hostDir}')`, 2],
      [`open('${target}', 'w')`, 3],
      [`open('${target}.bak', 'wb')`, 6],
      [`os.chmod('${target}.bak', 438)`, 6],
      [`os.remove('${target}')`, 7],
    ]);
    assert.match(outcome.divergences[0].message, /changes files on the gateway's disk \(with the rights of its service\); the simulator keeps them in its own memory for this run instead, never on this machine's disk$/);
  });

  it('names a read of a file only a gateway\'s disk could hold, and the script gets the error a missing file gives', async () => {
    const outcome = await run([
      'import os',
      'try:',
      '    open("/usr/local/bin/ignition/data/recipes.csv").read()',
      '    raise AssertionError("read")',
      'except IOError, e:',
      '    assert e.errno == 2, e',
      'assert os.path.exists("/lib")',
      'assert "json" in str(__import__("json"))',
    ]);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.divergences.map((d) => [d.message, d.line]), [
      ["open('/usr/local/bin/ignition/data/recipes.csv') reads the gateway's disk, which may hold it; the simulator has only the files scripts wrote in this run, so here the file is not found", 3],
    ]);
  });

  it('goes on running ordinary scripts after every attempt', async () => {
    const outcome = await run(['import json, datetime', 'x = json.dumps({"a": [1, 2]})', 'assert x == \'{"a": [1, 2]}\'']);
    assert.deepEqual(outcome, { ...outcome, ok: true, divergences: [] });
  });
});
