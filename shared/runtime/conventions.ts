// The session-script conventions of documents and .py files: event functions by name, configure_*() results.
import type { Json } from '../engine/types';
import type { Fixtures } from '../gateway-config/fixtures';
import { LineIndex, OriginMap } from '../source/origin';
import type { Script } from '../source/script';
import type { Handler, ScriptRunner } from './handler';
import { SESSION_EVENT_NAMES, type IdleSettings, type ProjectModel } from './project';
import { isObject } from './tree';

export interface ModuleScripts {
  file: string;
  /** Modules run in order into one namespace, like one script file. */
  blocks: Script[];
  /** Scripts found in string literals, to give handler scripts their lines in the file. */
  scriptStrings: Script[];
  params: { project?: string; timeout?: number; max_sessions?: number };
  fixtures: Fixtures;
}

const NAMESPACE = 'document';

/** The line where `def name(` is written, searched in the given scripts; the first line of the first otherwise. */
function definitionLine(scripts: Script[], name: string): { file: string; line: number } {
  const re = new RegExp(`^([ \\t]*)def[ \\t]+${name}[ \\t]*\\(`, 'm');
  for (const script of scripts) {
    const m = re.exec(script.text);
    if (m) return { file: script.origin.file, line: script.origin.position(m.index + m[1].length).line };
  }
  const first = scripts[0];
  return first ? { file: first.origin.file, line: first.origin.position(0).line } : { file: '', line: 1 };
}

/** The Script of a handler's code: the literal it was written in when found, else the text on its own. */
function scriptFor(text: string, label: string, module: ModuleScripts): Script {
  const found = module.scriptStrings.find((s) => s.text === text) ?? module.scriptStrings.find((s) => s.text.trim() === text.trim());
  if (found) return found;
  const file = `${module.file}#${label}`;
  return { id: file, role: { kind: 'script-string', key: label }, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}

export async function setUpModule(runner: ScriptRunner, module: ModuleScripts): Promise<ProjectModel> {
  const model: ProjectModel = {
    name: module.params.project ?? module.fixtures.project.name,
    source: module.file,
    version: module.fixtures.project.version,
    timeoutSeconds: module.params.timeout,
    maxSessions: module.params.max_sessions,
    sessionEvents: {},
    keyEvents: new Map(),
    messageHandlers: new Map(),
    auth: {},
    customDefaults: {},
  };
  for (const [i, block] of module.blocks.entries()) {
    await runner.load({ script: block, namespace: NAMESPACE, label: block.title ?? `block ${i + 1}` });
  }
  const handler = (name: string, namespace = NAMESPACE, scripts = module.blocks, label = name): Handler => ({
    label, target: { namespace, name }, ...definitionLine(scripts, name),
  });
  const has = (name: string, namespace = NAMESPACE) => runner.hasFunction(namespace, name);

  for (const event of SESSION_EVENT_NAMES) if (await has(event)) model.sessionEvents[event] = handler(event);
  if (await has('onKeyEvent')) model.keyEvents.set('onKeyEvent', handler('onKeyEvent'));

  const configure = async (name: string): Promise<Json | undefined> => {
    if (!(await has(name))) return undefined;
    const at = definitionLine(module.blocks, name);
    return runner.call(NAMESPACE, name, name, at.file, at.line);
  };

  const custom = await configure('initialize_custom_properties');
  if (custom !== undefined) {
    const at = definitionLine(module.blocks, 'initialize_custom_properties');
    if (isObject(custom)) model.customDefaults = custom;
    else runner.problem('custom-defaults-not-dict', 'initialize_custom_properties() must return a dict of session.custom defaults', at.file, at.line);
  }

  const handlers = await configure('configure_message_handlers');
  if (handlers !== undefined) await setUpMessageHandlers(runner, module, handlers, model, handler);

  const refOf = (value: Json | undefined, name: string): { ref: number } | undefined => {
    const fn = isObject(value) ? value[name] : undefined;
    return isObject(fn) && typeof fn.$ref === 'number' ? { ref: fn.$ref } : undefined;
  };
  const auth = await configure('configure_auth_events');
  // A restarted engine loses the functions configure_auth_events() returned: calling it again, unrecorded (it
  // already ran once in the trace), gets all of them back at once.
  const refreshAuth = async (name: 'onLogin' | 'onLogout'): Promise<{ ref: number } | undefined> => {
    const at = definitionLine(module.blocks, 'configure_auth_events');
    const again = await runner.call(NAMESPACE, 'configure_auth_events', 'configure_auth_events', at.file, at.line, { quiet: true });
    for (const other of ['onLogin', 'onLogout'] as const) {
      const target = refOf(again, other);
      const handler = model.auth[other];
      if (target && handler && other !== name) handler.target = target;
    }
    return refOf(again, name);
  };
  for (const name of ['onLogin', 'onLogout'] as const) {
    const target = refOf(auth, name);
    if (!target) continue;
    model.auth[name] = { label: name, target, ...definitionLine(module.blocks, name), simulatorOnly: true, refresh: () => refreshAuth(name) };
  }

  const idle = await configure('configure_idle_detection');
  if (isObject(idle) && idle.enabled !== false) model.idle = await setUpIdle(runner, module, idle, handler);
  return model;
}

async function setUpMessageHandlers(
  runner: ScriptRunner, module: ModuleScripts, handlers: Json, model: ProjectModel,
  handler: (name: string, namespace?: string, scripts?: Script[], label?: string) => Handler,
): Promise<void> {
  const at = definitionLine(module.blocks, 'configure_message_handlers');
  if (!isObject(handlers)) {
    runner.problem('message-handlers-not-dict', 'configure_message_handlers() must return a dict {name: {"handler", "scope", "script"}}', at.file, at.line);
    return;
  }
  for (const [name, entry] of Object.entries(handlers)) {
    if (!isObject(entry)) {
      runner.problem('message-handler-shape', `message handler "${name}" must be a dict with "handler" and "script"`, at.file, at.line);
      continue;
    }
    const fnName = typeof entry.handler === 'string' ? entry.handler : 'handleMessage';
    let namespace = NAMESPACE;
    let scripts = module.blocks;
    if (typeof entry.script === 'string') {
      namespace = `message:${name}`;
      const script = scriptFor(entry.script, `message ${name}`, module);
      scripts = [script];
      if (!(await runner.load({ script, namespace, label: `message ${name}` }))) continue;
    }
    if (!(await runner.hasFunction(namespace, fnName))) {
      const where = definitionLine(scripts, fnName);
      runner.problem('missing-handler-function', `message handler "${name}" names the function ${fnName}, which its script does not define; define def ${fnName}(session, payload)`, where.file, where.line);
      continue;
    }
    model.messageHandlers.set(name, handler(fnName, namespace, scripts, `message ${name}`));
  }
}

async function setUpIdle(
  runner: ScriptRunner, module: ModuleScripts, idle: { [key: string]: Json },
  handler: (name: string, namespace?: string, scripts?: Script[], label?: string) => Handler,
): Promise<IdleSettings> {
  const seconds = (v: Json | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  const settings: IdleSettings = {
    timeoutMs: seconds(idle.timeout, module.params.timeout ?? 900) * 1000,
    warningMs: seconds(idle.warning, 0) * 1000,
  };
  let namespace = NAMESPACE;
  let scripts = module.blocks;
  if (typeof idle.script === 'string') {
    namespace = 'idle';
    const script = scriptFor(idle.script, 'idle', module);
    scripts = [script];
    if (!(await runner.load({ script, namespace, label: 'idle detection' }))) return settings;
  }
  for (const name of ['onIdle', 'onIdleReset', 'onIdleTimeout'] as const) {
    if (await runner.hasFunction(namespace, name)) settings[name] = { ...handler(name, namespace, scripts), simulatorOnly: true };
  }
  return settings;
}
