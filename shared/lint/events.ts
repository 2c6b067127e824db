// Which functions of a script the gateway calls as session events, and with which arguments (perspective.md §2).
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import type { Script } from '../source/script';

export interface SessionEventSpec {
  /** The function the gateway calls. */
  function: string;
  params: readonly string[];
  /** The 8.3 event folder under com.inductiveautomation.perspective/ (`<name>` for named handlers). */
  folder: string;
  /** True when no page exists while it runs: page-level calls need explicit sessionId and pageId. */
  pageless: boolean;
}

export const SESSION_EVENTS: readonly SessionEventSpec[] = [
  { function: 'onStartup', params: ['session'], folder: 'startup', pageless: true },
  { function: 'onShutdown', params: ['session'], folder: 'shutdown', pageless: true },
  { function: 'onPageStartup', params: ['page'], folder: 'page-startup', pageless: false },
  { function: 'onAuthChallengeCompleted', params: ['session', 'payload', 'result'], folder: 'auth-challenge', pageless: false },
  { function: 'handleMessage', params: ['session', 'payload'], folder: 'message/<name>', pageless: true },
  { function: 'onKeyEvent', params: ['page', 'event'], folder: 'key-event/<name>', pageless: false },
  { function: 'onBarcodeDataReceived', params: ['session', 'data', 'context'], folder: 'barcode', pageless: false },
  { function: 'onBluetoothReceived', params: ['session', 'data'], folder: 'bluetooth', pageless: false },
  { function: 'onAccelerometerDataReceived', params: ['session', 'data', 'context'], folder: 'accelerometer', pageless: false },
  { function: 'onNdefDataReceived', params: ['session', 'data', 'context'], folder: 'nfc-scan', pageless: false },
  {
    function: 'handleSubmission',
    params: ['session', 'name', 'data', 'files', 'formContext', 'sessionContext', 'retry'],
    folder: 'form-submission-handler/<name>',
    pageless: false,
  },
];

export function sessionEventSpec(functionName: string): SessionEventSpec | undefined {
  return SESSION_EVENTS.find((e) => e.function === functionName);
}

/** The gateway function a script's role names, when the script is a session event of some kind. */
export function roleEventFunction(script: Script): string | undefined {
  switch (script.role.kind) {
    case 'session-event':
      return script.role.event;
    case 'session-message-handler':
      return 'handleMessage';
    case 'key-event':
      return 'onKeyEvent';
    case 'form-submission':
      return 'handleSubmission';
    default:
      return undefined;
  }
}

export interface EventFunction {
  node: SyntaxNode;
  /** The gateway function it stands for (`onStartup`, `handleMessage`...). */
  event: string;
}

/**
 * The top-level functions the gateway runs as session events. A wrapped body's wrapper, an 8.3 event file's
 * function, every function of a session message handler held in a document's script string, and, in modules
 * (documents, loose .py files), functions named like a gateway event: the document convention.
 */
export function eventFunctions(script: Script, tree: Tree): EventFunction[] {
  const roleEvent = roleEventFunction(script);
  return topLevelFunctions(tree).map((def) => asEventFunction(script, roleEvent, def)).filter((e): e is EventFunction => e !== undefined);
}

/**
 * The event function holding `node`, if any: its top-level function is found by walking up from the node, not by
 * reading every function of the script (a rule checking the statements an edit touched asks about a few calls).
 */
/**
 * Whether any function of the script can be an event that runs with no page (Startup, Shutdown, a session message
 * handler), as `eventFunctionAt` would find it: its role's event, or for modules the names of their functions.
 */
export function mayRunWithoutPage(script: Script): boolean {
  const roleEvent = roleEventFunction(script);
  if (roleEvent !== undefined) return Boolean(sessionEventSpec(roleEvent)?.pageless);
  return script.role.kind === 'module' || script.role.kind === 'script-string';
}

export function eventFunctionAt(script: Script, node: SyntaxNode): EventFunction | undefined {
  let top: SyntaxNode = node;
  while (top.parent && top.parent.type !== 'module') top = top.parent;
  const def = top.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
  return def?.type === 'function_definition' ? asEventFunction(script, roleEventFunction(script), def) : undefined;
}

function asEventFunction(script: Script, roleEvent: string | undefined, def: SyntaxNode): EventFunction | undefined {
  const name = def.childForFieldName('name')?.text ?? '';
  if (roleEvent) {
    const wrapped = script.wrapper ? name === script.wrapper.name : true;
    if (wrapped && (name === roleEvent || script.role.kind === 'session-message-handler')) return { node: def, event: roleEvent };
  } else if ((script.role.kind === 'module' || script.role.kind === 'script-string') && sessionEventSpec(name)) {
    return { node: def, event: name };
  }
  return undefined;
}

export function topLevelFunctions(tree: Tree): SyntaxNode[] {
  const defs: SyntaxNode[] = [];
  for (const child of tree.rootNode.namedChildren) {
    if (!child) continue;
    const def = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (def?.type === 'function_definition') defs.push(def);
  }
  return defs;
}
