// `periscope serve <source>`: the dev gateway. Runs the project's sessions live behind client pages and the
// inspector endpoint, echoes the trace as it happens, and on Ctrl-C closes every session, running Shutdown.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevGateway, type DevGateway } from '../dev-gateway/gateway';
import { isLoopback } from '../dev-gateway/security';
import type { InspectorClient } from '../inspector/client';
import { InspectorServer } from '../inspector/server';
import { formatEvent } from '../runtime/format-text';
import { InputError, openRuntime, resolveSource } from '../runtime/simulation';
import type { EngineSelection } from '../runtime/engine-choice';
import { optionValue, UsageError, type CliIo, type Command } from './command';
import { engineFlagsHelp, readEngineFlag } from './engine-flags';
import { RunInternalFailures } from './internal-error';
import { toleratedSummary } from './tolerated';
import { withEngine } from './with-engine';

/** Where the extension's build goes; `npm start` points people at it, the extension's build writes it. */
export const EXTENSION_FOLDER = 'dist/extension';
const DEFAULT_PORT = 8090;
/** Trace events (and recorded steps) a live gateway keeps by default: about 20 MB under load, hours of manual use. */
export const DEFAULT_HISTORY = 50_000;

const help = () => `Usage: periscope serve <source> [--port N] [--host ADDR --allow-remote] [--no-inspector] [--clock virtual|real] [--fixtures FILE] [--strict] [--quiet] [--history N|all] [--engine auto|pyodide|jython]
                      [--jython JAR] [--script-timeout DURATION]

Runs the session scripts live behind a dev gateway: open the client page in a browser to start a session, inspect
and change it with the devtools extension, and watch the trace here. Ctrl-C closes every session (Shutdown runs).

  <source>          a session-script document (.md), a .py file, a project folder, or a folder holding one
  --port N          the port to listen on (default ${DEFAULT_PORT}; 0: any free port)
  --host ADDR       the interface to listen on (default 127.0.0.1); anything but loopback needs --allow-remote
  --allow-remote    let other machines connect (the sessions run your scripts and hold your fixtures' data)
  --no-inspector    no inspector endpoint: the client page behaves like a real gateway's, with nothing more
  --clock virtual   session time moves only when an inspector advances it (default): runs replay exactly
  --clock real      session time follows the wall clock (idle warnings and session timeouts come by themselves)
  --fixtures FILE   the periscope.json to use instead of the one beside the scripts
  --strict          fail scripts where a real gateway would (Python 3 syntax, session.id, page calls in Startup...)
  --quiet           do not echo the trace
  --history N|all   trace events and recorded steps kept for inspectors (default ${DEFAULT_HISTORY}): the oldest go
                    first, so memory stays bounded; stateAt, exportScenario and a late subscriber's catch-up reach
                    only as far back as they go (an error says so). all: keep everything
${engineFlagsHelp()}
Prints the client page's URL, the inspector endpoint (with this run's token) and the folder of the devtools
extension to load unpacked. Exit codes: 0 stopped cleanly, 2 bad usage or unreadable input, 3 the sessions hit an
internal error (a bug in Periscope; --debug prints its stack).
`;

export interface ServeArgs {
  source: string;
  port: number;
  host: string;
  allowRemote: boolean;
  inspector: boolean;
  clock: 'virtual' | 'real';
  fixtures?: string;
  strict: boolean;
  quiet: boolean;
  /** Trace events and recorded steps kept; Infinity keeps all. */
  history: number;
  engine: EngineSelection;
}

export function parseServeArgs(args: string[]): ServeArgs {
  const out: Partial<ServeArgs> = { port: DEFAULT_PORT, host: '127.0.0.1', allowRemote: false, inspector: true, clock: 'virtual', strict: false, quiet: false, history: DEFAULT_HISTORY, engine: { engine: 'auto' } };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => optionValue(args, ++i, arg);
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port takes a port number from 0 (any free one) to 65535, not ${args[i]}`);
      out.port = port;
    } else if (arg === '--host') out.host = value();
    else if (arg === '--allow-remote') out.allowRemote = true;
    else if (arg === '--no-inspector') out.inspector = false;
    else if (arg === '--clock') {
      const clock = value();
      if (clock !== 'virtual' && clock !== 'real') throw new UsageError(`--clock is virtual or real, not ${clock}`);
      out.clock = clock;
    }
    else if (arg === '--fixtures') out.fixtures = value();
    else if (arg === '--strict') out.strict = true;
    else if (arg === '--quiet') out.quiet = true;
    else if (arg === '--history') {
      const given = value();
      const history = given === 'all' ? Infinity : Number(given);
      if (history !== Infinity && (!Number.isInteger(history) || history < 1)) throw new UsageError(`--history takes a number of trace events (1 or more) or all, not ${given}`);
      out.history = history;
    }
    else if (readEngineFlag(arg, value, out.engine!)) continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (out.source === undefined) out.source = arg;
    else throw new UsageError(`one source at a time (got ${out.source} and ${arg})`);
  }
  if (out.source === undefined) throw new UsageError('name the session scripts to serve, e.g. periscope serve examples/seed');
  if (!isLoopback(out.host!) && !out.allowRemote) {
    throw new UsageError(`--host ${out.host} lets other machines run your scripts; add --allow-remote if that is what you want`);
  }
  return out as ServeArgs;
}

/** The package's own folder (where dist/ is), from wherever this code runs: the bundle or the sources. */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Advances the session clock by the real time that passed, every second, as an inspector would. */
function followRealTime(terminal: InspectorClient): NodeJS.Timeout {
  let last = performance.now();
  return setInterval(() => {
    const now = performance.now();
    const ms = Math.floor(now - last);
    last += ms;
    void terminal.request('advance', { ms }).catch(() => undefined);
  }, 1000);
}

/** Resolves on SIGINT or SIGTERM (a second Ctrl-C during shutdown ends the process at once). */
function stopSignal(io: CliIo): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => {
        io.stderr('periscope serve: stopped without waiting for Shutdown scripts\n');
        process.exit(130);
      });
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function banner(gateway: DevGateway, args: ServeArgs, first: string, root: string): string {
  const extension = join(root, EXTENSION_FOLDER);
  const lines = [
    `Periscope dev gateway: project "${gateway.project}" from ${args.source}`,
    `  client page     ${gateway.clientUrl(first)}`,
    gateway.inspectorUrl ? `  inspector       ${gateway.inspectorUrl}` : '  inspector       off (--no-inspector)',
    `  history         ${Number.isFinite(args.history) ? `the last ${args.history} trace events and recorded steps (--history)` : 'every trace event and recorded step (--history all): memory grows with each'}`,
    `  devtools panel  load the unpacked extension from ${extension}${existsSync(extension) ? '' : ' (not built yet: npm run build)'}`,
    '                  (chrome://extensions, Developer mode, Load unpacked)',
  ];
  if (!isLoopback(args.host)) lines.push(`  WARNING: listening on ${args.host}: any machine that reaches it can run these scripts and read their data`);
  lines.push(args.quiet ? 'Ctrl-C stops the gateway, closing every session.' : 'Trace (Ctrl-C stops the gateway, closing every session and running Shutdown):');
  return `${lines.join('\n')}\n`;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run session scripts live behind a dev gateway: client pages, the inspector endpoint, the trace',
  get help() {
    return help();
  },
  async run(args, io) {
    const options = parseServeArgs(args);
    return withEngine('serve', io, { ...options.engine, source: options.source }, async (engine) => {
      const source = resolve(options.source);
      resolveSource(source);
      // The runtime gets the source as given, so that its trace names files as `periscope simulate` does (relative
      // to the working folder when given so); the recording keeps the absolute path, as a scenario saved elsewhere needs.
      const runtime = await openRuntime({ source: options.source, fixturesFile: options.fixtures, strict: options.strict, engine, scriptTimeoutMs: options.engine.scriptTimeoutMs });
      const inspector = new InspectorServer(runtime, {
        source, ...(options.fixtures ? { fixtures: resolve(options.fixtures) } : {}), server: 'periscope serve',
        ...(Number.isFinite(options.history) ? { history: options.history } : {}),
      });
      const root = packageRoot();
      let gateway: DevGateway;
      try {
        gateway = await startDevGateway({ inspector, host: options.host, port: options.port, inspectorEndpoint: options.inspector, assets: join(root, 'dist') });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new InputError(`port ${options.port} is in use; pass --port 0 for any free port`);
        throw error;
      }
      const terminal = inspector.connectInProcess();
      const hello = await terminal.request('hello', {});
      io.stdout(banner(gateway, options, hello.pages[0]?.url ?? '/', root));
      if (runtime.tolerated.length > 0) io.stderr(`periscope serve: ${toleratedSummary(runtime.tolerated)}\n`);
      if (!options.quiet) {
        terminal.onEvent((frame) => {
          // A clock that follows real time ticks every second; its ticks are not news.
          if (frame.event === 'trace' && !(options.clock === 'real' && frame.data.kind === 'clock')) io.stdout(`${formatEvent(frame.data, io.isTTY)}\n`);
        });
        await terminal.request('subscribe', { patches: false, after: 0 });
      }
      const ticking = options.clock === 'real' ? followRealTime(terminal) : undefined;

      await stopSignal(io);
      clearInterval(ticking);
      const open = [...runtime.sessions.values()].filter((s) => !s.closed);
      io.stdout(`stopping: closing ${open.length} session${open.length === 1 ? '' : 's'}\n`);
      for (const session of open) await terminal.request('close', { session: session.id }).catch(() => undefined);
      await gateway.close('the dev gateway stopped');
      await runtime.dispose();
      if (runtime.internal.failures.length > 0) throw new RunInternalFailures(runtime.internal.failures);
      return 0;
    });
  },
};
