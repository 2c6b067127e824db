// One JVM running Jython as the engine sees it: started with the engine's Python side, spoken to over a loopback
// socket (never stdio, which scripts' own output reaches), interrupted through the socket, killed when replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { cacheDir } from '../cache';
import { engineCommonSource } from '../common.py';
import { ExecutorGone, withinLimit, type Executor, type ExecutorReady, type ExecutorRequest } from '../executor';
import { encodeFrame, FrameError, FrameReader, type Frame } from './frames';
import { jythonHostSource } from './host.py';
import { lenientHelpersSource } from './lenient.py';

/** Where the JVM and Jython are, as discovery found them. */
export interface JvmSetup {
  /** The `java` executable. */
  java: string;
  /** The Jython 2.7 jar (Debian's, an Ignition install's, or one named by the user). */
  jar: string;
  /** Extra folders of Python modules, such as an Ignition install's `user-lib/pylib`. */
  pythonPath?: string[];
  /** The JVM's maximum heap; a gateway's default is 1024 MB. */
  heapMb?: number;
}

/** What each new JVM is given once connected. */
export interface JvmInit {
  modules: Record<string, string>;
  argDecoder?: string;
  firstRef: number;
}

/** How long a JVM may take to connect and get ready; the first start on a machine also indexes the JDK's packages. */
const startLimitMs = 120_000;
const stderrKept = 4096;

export class JvmHandle implements Executor {
  readonly ready: Promise<ExecutorReady>;
  private readonly child: ChildProcess;
  private readonly server: Server;
  private socket: Socket | undefined;
  private readonly reader = new FrameReader();
  private readonly pending = new Map<number, { resolve: (result: string) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private gone: Error | undefined;
  private stderr = '';
  private readonly started = performance.now();
  private isReady = false;
  private settleReady: { resolve: (ready: ExecutorReady) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly setup: JvmSetup,
    private readonly init: JvmInit,
    /** Answers one host call synchronously: JSON request in, JSON reply out. */
    private readonly answerHostCall: (request: string) => string,
  ) {
    const token = randomBytes(24).toString('hex');
    this.ready = new Promise((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    this.ready.catch(() => undefined);
    this.server = createServer((socket) => this.accept(socket, token));
    this.server.on('error', (error) => this.kill(`the Jython engine could not open its loopback socket: ${error.message}`));
    // The JVM starts at once; it learns where to connect on stdin, which no other process can read (a port alone,
    // or a token on the command line, would let any local program in).
    this.child = this.launch();
    this.server.listen(0, '127.0.0.1', () => {
      const address = this.server.address();
      if (address === null || typeof address === 'string') return this.kill('the Jython engine got no loopback port');
      this.child.stdin?.end(`${address.port} ${token}\n`);
    });
    const timer = setTimeout(() => this.kill(`the Jython engine's JVM did not get ready within ${startLimitMs / 1000} s`), startLimitMs);
    this.ready.then(() => clearTimeout(timer), () => clearTimeout(timer));
  }

  request(request: ExecutorRequest): Promise<string> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    const body = request.op === 'release' ? String(request.ref) : request.payload;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.hold();
      this.send(request.op, id, body);
    });
  }

  requestWithin(request: ExecutorRequest, limitMs: number, graceMs: number): Promise<{ result: string; interrupted: boolean } | 'stopped'> {
    return withinLimit(this.request(request), limitMs, graceMs, () => this.send('interrupt', 0, ''));
  }

  async terminate(): Promise<void> {
    this.fail(new ExecutorGone('the Jython engine was stopped'));
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      // Awaited, so it must keep Node alive until the JVM is gone.
      this.child.ref();
      this.child.kill('SIGKILL');
      await exited;
    }
  }

  // ---- starting -----------------------------------------------------------------------------------------------

  private launch(): ChildProcess {
    const { java, jar, pythonPath = [], heapMb = 1024 } = this.setup;
    const folder = moduleFolder(this.init.modules);
    if (!folder) throw new ExecutorGone('the Jython engine needs a writable folder for its Python side: node_modules/.cache or the temp folder');
    const args = [
      `-Xmx${heapMb}m`,
      // Start-up over peak speed: session scripts are short, and the machine may have few cores.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      // Java-level recursion (the JSON scanner decoding a project's value nested 20,000 levels, repr of one) needs
      // more than the default 1 MB; Python recursion still stops at Jython's limit of 1,000 frames, as on a gateway.
      '-Xss16m',
      '-Dpython.import.site=false',
      // Dates print in UTC, as the Pyodide engine prints them, whatever the machine's zone: runs are reproducible.
      '-Duser.timezone=UTC',
      `-Dpython.cachedir=${join(folder, '..', 'packages')}`,
      ...(pythonPath.length > 0 ? [`-Dpython.path=${pythonPath.join(delimiter)}`] : []),
      '-cp',
      jar,
      'org.python.util.jython',
      '-c',
      `import sys; sys.path.insert(0, ${pythonString(folder)}); import periscope_jython_host; periscope_jython_host.main()`,
    ];
    // Jython caches the engine's compiled Python beside it unless told not to; a user's PYTHONDONTWRITEBYTECODE
    // is meant for their own CPython, and here it would make every start compile the engine again.
    const { PYTHONDONTWRITEBYTECODE: _skipped, ...env } = process.env;
    const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, env });
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(new ExecutorGone(error.code === 'ENOENT'
        ? `Java was not found at ${java}; install Java and Jython (apt-get install jython) or set JAVA_HOME`
        : `Java could not be started (${java}): ${error.message}`));
    });
    // A JVM that never started, or died at once, closes its stdin under the write of the port and token.
    child.stdin?.on('error', () => undefined);
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-stderrKept);
    });
    // Bytes a script writes to the process's own stdout (a FileDescriptor, not System.out) are output too.
    child.stdout?.on('data', (chunk: Buffer) => this.answerHostCall(JSON.stringify(['$output', ['stdout', chunk.toString('utf8')]])));
    child.on('exit', (code, signal) => this.fail(new ExecutorGone(this.exitMessage(code, signal))));
    return child;
  }

  /** Why the JVM ended, in words that say what to do when it never got ready. */
  private exitMessage(code: number | null, signal: NodeJS.Signals | null): string {
    const status = signal ? `signal ${signal}` : `exit code ${code}`;
    const tail = this.stderr.trim().split('\n').slice(-3).join(' | ');
    if (this.isReady) return `the Jython engine's JVM stopped (${status})${tail ? `: ${tail}` : ''}`;
    const { jar } = this.setup;
    if (/could not find or load main class org\.python\.util\.jython|ClassNotFoundException: org\.python/i.test(this.stderr)) {
      return `${jar} is not a Jython jar (Java finds no org.python.util.jython in it); name a Jython 2.7 jar with --jython, or install one: apt-get install jython`;
    }
    if (/invalid or corrupt jarfile|error opening zip|zip file is empty|ZipException/i.test(this.stderr)) {
      return `${jar} is not a readable jar; name a Jython 2.7 jar with --jython, or install one: apt-get install jython`;
    }
    // A signal comes from outside (a kill, the kernel out of memory), not from a wrong jar or Java.
    if (signal) return `the Jython engine's JVM was stopped by ${signal} before it was ready${tail ? `: ${tail}` : ''}; the next run starts a new one`;
    return `the Jython engine's JVM stopped before it was ready (${status})${tail ? `: ${tail}` : ''}; check that ${jar} is Jython 2.7 and that ${this.setup.java} runs`;
  }

  private accept(socket: Socket, token: string): void {
    if (this.socket) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    let greeted = false;
    socket.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = this.reader.push(chunk);
      } catch (error) {
        this.kill(error instanceof FrameError ? error.message : String(error));
        return;
      }
      for (const frame of frames) {
        if (!greeted) {
          // Anything but the JVM we started, holding the token it was given, is turned away.
          if (frame.op !== 'hello' || frame.body !== JSON.stringify(token)) {
            socket.destroy();
            return;
          }
          greeted = true;
          this.socket = socket;
          this.server.close();
          this.send('setup', 0, JSON.stringify({ argDecoder: this.init.argDecoder, firstRef: this.init.firstRef, preload: Object.keys(this.init.modules) }));
          continue;
        }
        this.receive(frame);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // The JVM's exit usually follows at once and says more (its exit code): give it a moment to arrive.
      if (this.socket === socket) setTimeout(() => this.kill('the Jython engine closed its channel'), 2000).unref();
    });
  }

  private receive(frame: Frame): void {
    switch (frame.op) {
      case 'host':
        this.send('reply', 0, this.answerHostCall(frame.body));
        return;
      case 'output':
        this.answerHostCall(`["$output", ${frame.body}]`);
        return;
      case 'ready': {
        const { about } = JSON.parse(frame.body) as { about: string };
        this.isReady = true;
        this.release();
        this.settleReady?.resolve({ about, startMs: performance.now() - this.started });
        return;
      }
      case 'result': {
        const waiting = this.pending.get(frame.id);
        this.pending.delete(frame.id);
        this.release();
        waiting?.resolve(frame.body);
        return;
      }
      default:
        this.kill(`the Jython engine sent an unknown message "${frame.op}"`);
    }
  }

  private send(op: string, id: number, body: string): void {
    if (!this.socket || this.socket.destroyed) return;
    try {
      this.socket.write(encodeFrame(op, id, wellFormed(body)));
    } catch (error) {
      this.fail(new ExecutorGone(error instanceof Error ? error.message : String(error)));
    }
  }

  // ---- keeping Node alive only while something is awaited --------------------------------------------------------

  private hold(): void {
    this.child.ref();
    this.socket?.ref();
  }

  private release(): void {
    if (this.pending.size > 0) return;
    this.child.unref();
    this.socket?.unref();
  }

  // ---- ending -------------------------------------------------------------------------------------------------

  /** A JVM that misbehaved is ended; its requests fail, and the engine replaces it. */
  private kill(reason: string): void {
    this.fail(new ExecutorGone(reason));
    this.child.kill('SIGKILL');
  }

  private fail(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    this.settleReady?.reject(error);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    this.server.close();
    this.socket?.destroy();
  }
}

/**
 * JSON whose strings hold no lone surrogate: JavaScript strings may (a scenario's payload, a browser's text), UTF-8
 * cannot carry them and Jython's json module refuses their escapes. Each becomes U+FFFD, as in any UTF-8 channel.
 * JSON.stringify escapes only lone surrogates as \uD8xx-\uDFxx, so text without such an escape is returned as is.
 */
function wellFormed(json: string): string {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  const fix = (text: string): string => text.replace(loneSurrogate, '\ufffd');
  return JSON.stringify(JSON.parse(json), (_key, value: unknown) => {
    if (typeof value === 'string') return fix(value);
    if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [fix(k), v]));
    return value;
  });
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A Python 2 unicode literal of any text: JSON's escapes are Python's too. */
function pythonString(text: string): string {
  return `u${JSON.stringify(text)}`;
}

/** The engine's own Python side, by the module name the bootstrap imports. */
const engineModules: Record<string, string> = { _periscope_common: engineCommonSource, periscope_jython_host: jythonHostSource, _periscope_lenient: lenientHelpersSource };

/**
 * The engine's Python side and the runtime's modules as module files in a cache folder named by their content, so
 * that Jython compiles them once and loads their class files on every later start (compiling the runtime's modules
 * alone takes most of a second). A dotted name becomes a package. Undefined when no cache folder is writable.
 */
function moduleFolder(runtimeModules: Record<string, string>): string | undefined {
  const all = { ...runtimeModules, ...engineModules };
  const files = new Map<string, string>();
  for (const [name, source] of Object.entries(all)) {
    const parts = name.split('.');
    for (let i = 1; i < parts.length; i++) {
      const init = join(...parts.slice(0, i), '__init__.py');
      files.set(init, files.get(init) ?? '');
    }
    const isPackage = Object.keys(all).some((other) => other.startsWith(`${name}.`));
    files.set(isPackage ? join(...parts, '__init__.py') : `${join(...parts)}.py`, source);
  }
  const hash = createHash('sha256');
  for (const [file, source] of [...files].sort()) hash.update(`${file}\n${source}\n`);
  const dir = cacheDir(join('jython', hash.digest('hex').slice(0, 16)));
  if (!dir) return undefined;
  removeStaleFolders(dirname(dir), dir);
  for (const [file, source] of files) {
    const path = join(dir, file);
    if (existsSync(path)) continue;
    const partial = `${path}.${process.pid}.partial`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(partial, source);
      renameSync(partial, path);
    } catch {
      return undefined;
    }
  }
  return dir;
}

/** Folders an older version of the engine left (an hour untouched: a JVM started from one has long loaded it). */
function removeStaleFolders(parent: string, current: string): void {
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const path = join(parent, entry.name);
    if (!entry.isDirectory() || !/^[0-9a-f]{16}$/.test(entry.name) || path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      continue;
    }
  }
}
