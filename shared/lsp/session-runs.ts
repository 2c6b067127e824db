// The server's simulation requests: Runs of handlers and events, scenario files, the list of message handlers, and
// live sessions for the inspector, whose protocol frames this file relays to and from the simulator unread.
import { basename, dirname } from 'node:path';
import { MessageType, ResponseError, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { runReport, type RunReport } from '../language/run-report';
import { payloadQuestion, runScenario, targetKey, targetName, type RunTarget } from '../language/run-target';
import type { Workspace } from '../language/workspace';
import type { Json } from '../engine/types';
import { readScenario, ScenarioError } from '../runtime/scenario';
import { runEngine, settingPath, type ServerSettings } from './settings';
import { Simulator, SimulatorError } from './simulator';
import { pathToUri, uriToPath } from './uris';

export interface RunArguments {
  uri: string;
  target: RunTarget;
  payload?: { [key: string]: Json };
}

export interface SessionRunsContext {
  workspace(): Workspace;
  settings(): ServerSettings;
  folders(): string[];
  /** Resolves once the workspace is indexed. */
  ready(): Promise<void>;
  log(message: string): void;
}

type Report = RunReport | { error: string };

export class SessionRuns {
  private simulator: Simulator | undefined;
  /** The run in progress for each target: a newer run of the same target cancels it. */
  private readonly runs = new Map<string, AbortController>();
  /** Whether the person was told that this untrusted workspace runs on Pyodide. */
  private saidSealed = false;

  constructor(private readonly connection: Connection, private readonly context: SessionRunsContext) {
    connection.onRequest('periscope/run', (args: RunArguments) => this.run(args));
    connection.onRequest('periscope/runScenario', ({ uri }: { uri: string }) => this.runScenarioFile(uriToPath(uri) ?? uri));
    connection.onRequest('periscope/messageHandlers', () => this.messageHandlers());
    connection.onRequest('periscope/inspector/open', ({ uri }: { uri: string }) => this.openInspector(uri));
    connection.onNotification('periscope/inspector/frame', ({ inspector, text }: { inspector: number; text: string }) => this.simulator?.sendFrame(inspector, text));
    connection.onNotification('periscope/inspector/close', ({ inspector }: { inspector: number }) => this.simulator?.closeInspector(inspector));
  }

  /** Starts the simulator ahead of the first run. */
  warm(): void {
    this.simulatorFor(false).warm();
  }

  /** A new Node.js, timeout or engine (a new choice, or a change of workspace trust) takes a new simulator process. */
  settingsChanged(previous: ServerSettings, next: ServerSettings): void {
    if (previous.nodePath === next.nodePath && previous.scriptTimeoutSeconds === next.scriptTimeoutSeconds && runEngine(previous).engine === runEngine(next).engine) return;
    this.simulator?.dispose();
    this.simulator = undefined;
  }

  dispose(): void {
    this.simulator?.dispose();
  }

  /** Runs a handler or event of the unit of `uri` in a fresh simulated session. */
  async run(args: RunArguments): Promise<Report> {
    await this.context.ready();
    const path = uriToPath(args.uri);
    if (!path) return { error: `${args.uri} is not a file Periscope can run` };
    const unit = await this.context.workspace().unitOf(path);
    const key = targetKey(unit.root, args.target);
    this.runs.get(key)?.abort();
    const controller = new AbortController();
    this.runs.set(key, controller);
    const request = { source: unit.root, target: args.target, payload: args.payload ?? {}, ...this.runOptions(path) };
    const { what, focus } = targetName(args.target);
    try {
      const result = await this.simulatorFor().run({ ...request, scenario: runScenario(unit, request) }, controller.signal);
      return runReport(`${what} (${basename(unit.root)})`, result, focus);
    } catch (error) {
      if (error instanceof SimulatorError) return { error: error.message };
      throw error;
    } finally {
      if (this.runs.get(key) === controller) this.runs.delete(key);
    }
  }

  async runScenarioFile(file: string): Promise<Report> {
    try {
      const scenario = await readScenario(file);
      const source = scenario.source ?? dirname(file);
      const result = await this.simulatorFor().run({ source, scenario, strict: this.context.settings().strict ?? false, ...(scenario.fixtures ? { fixturesFile: scenario.fixtures } : {}) });
      return runReport(scenario.name, result);
    } catch (error) {
      if (error instanceof SimulatorError || error instanceof ScenarioError) return { error: error.message };
      throw error;
    }
  }

  /** Session Events message handlers of the workspace, for "Send Message to Session Handler". */
  private async messageHandlers() {
    await this.context.ready();
    const workspace = this.context.workspace();
    return workspace.units.flatMap((unit) => workspace.handlers(unit).filter((h) => h.kind === 'session').map((h) => {
      const target: RunTarget = { kind: 'session-message', messageType: h.messageType };
      return { uri: pathToUri(h.file), source: unit.root, messageType: h.messageType, target, key: targetKey(unit.root, target), payload: payloadQuestion(target) };
    }));
  }

  /** A live session runtime for the unit of `uri`, driven by an inspector over the inspector protocol. */
  private async openInspector(uri: string): Promise<{ inspector: number; source: string }> {
    await this.context.ready();
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(1, `${uri} is not a file Periscope can run`);
    const unit = await this.context.workspace().unitOf(path);
    try {
      const inspector = await this.simulatorFor().inspect({ source: unit.root, ...this.runOptions(path) });
      return { inspector, source: unit.root };
    } catch (error) {
      if (error instanceof SimulatorError) throw new ResponseError(1, error.message);
      throw error;
    }
  }

  private runOptions(path: string): { fixturesFile?: string; strict: boolean } {
    const settings = this.context.settings();
    const fixturesFile = settings.fixturesFile ? settingPath(settings.fixturesFile, this.context.folders()[0] ?? dirname(path)) : undefined;
    return { strict: settings.strict ?? false, ...(fixturesFile ? { fixturesFile } : {}) };
  }

  /** The simulator of a run: the first run of an untrusted workspace says once that it runs sealed. */
  private simulatorFor(run = true): Simulator {
    const settings = this.context.settings();
    if (run && runEngine(settings).sealed && !this.saidSealed) {
      this.saidSealed = true;
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Periscope: this workspace is not trusted, so runs use the sealed Pyodide engine instead of "${settings.engine}" (Jython runs a project's code with a gateway's powers over this machine). Trust the workspace to run on Jython.` });
    }
    if (!this.simulator) {
      const source = this.context.folders()[0];
      const { engine } = runEngine(settings);
      this.simulator = new Simulator({
        nodePath: settings.nodePath || undefined, scriptTimeoutSeconds: settings.scriptTimeoutSeconds, log: this.context.log,
        ...(engine ? { engine } : {}), ...(source ? { source } : {}),
      });
      this.simulator.onInspector({
        frame: (inspector, text) => void this.connection.sendNotification('periscope/inspector/frame', { inspector, text }),
        closed: (inspector, reason) => void this.connection.sendNotification('periscope/inspector/closed', { inspector, reason }),
      });
    }
    return this.simulator;
  }
}
