// system.util: logging, messaging between scopes, JSON, threads, auditing and gateway facts.
import { ALL_SCOPES, defineModule, VISION_ONLY } from './define';

export const util = defineModule('system.util', 'Utilities: loggers, messages to handlers, JSON, threads, audit, translation.', ALL_SCOPES, [
  {
    name: 'audit',
    signature:
      "(action: str = None, actionTarget: str = None, actionValue: str = None, auditProfile: str = '', actor: str = None, actorHost: str = None, " +
      'originatingSystem: list[str] = None, eventTimestamp: Date = None, originatingContext: int = 4, statusCode: int = 0) -> None',
    doc: 'Records an event in an audit profile (the project default when auditProfile is empty).',
  },
  { name: 'beep', signature: '() -> None', scopes: VISION_ONLY, doc: "Sounds the client computer's beep." },
  { name: 'execute', signature: '(commands: list[str]) -> None', doc: 'Starts an operating system program on the machine the script runs on.' },
  { name: 'exit', signature: '(force: bool = False) -> None', scopes: VISION_ONLY, doc: 'Exits the Vision client.' },
  { name: 'getAvailableLocales', signature: '() -> list[str]', doc: 'Lists the locales the translation system knows.' },
  { name: 'getAvailableTerms', signature: '() -> list[str]', doc: 'Lists the terms of the translation system.' },
  { name: 'getClientId', signature: '() -> str', scopes: VISION_ONLY, doc: "The Vision client's id." },
  { name: 'getConnectTimeout', signature: '() -> int', scopes: VISION_ONLY, doc: "The Vision client's gateway connect timeout in milliseconds." },
  { name: 'getConnectionMode', signature: '() -> int', scopes: VISION_ONLY, doc: "The Vision client's connection mode: 1 disconnected, 2 read-only, 3 read/write." },
  { name: 'getGatewayAddress', signature: '() -> str', scopes: VISION_ONLY, doc: 'The address of the gateway the Vision client is connected to.' },
  {
    name: 'getGatewayStatus',
    signature: '(gatewayAddress: str, connectTimeoutMillis: int = None, socketTimeoutMillis: int = None, bypassCertValidation: bool = True) -> str',
    doc: "A gateway's status ('RUNNING', ...) fetched over HTTP.",
  },
  { name: 'getGlobals', signature: '() -> dict', doc: 'A dictionary shared by every script of the same scope, kept across script runs.' },
  { name: 'getInactivitySeconds', signature: '() -> int', scopes: VISION_ONLY, doc: 'Seconds since the Vision client last saw mouse or keyboard activity.' },
  { name: 'getLocale', signature: '() -> str', doc: 'The current locale.' },
  { name: 'getLogger', signature: '(name: str) -> Logger', doc: 'A logger with trace/debug/info/warn/error and their *f variants; output goes to the gateway log.' },
  { name: 'getModules', signature: '() -> Dataset', doc: 'The installed modules: id, name, version, state, license.' },
  { name: 'getProjectName', signature: '() -> str', doc: 'The name of the project the script belongs to.' },
  { name: 'getProperty', signature: '(propertyName: str) -> str', doc: 'A Java system property of the JVM the script runs in.' },
  { name: 'getReadTimeout', signature: '() -> int', scopes: VISION_ONLY, doc: "The Vision client's read timeout in milliseconds." },
  {
    name: 'getSessionInfo',
    signature: '(usernameFilter: str = None, projectFilter: str = None) -> Dataset',
    scopes: ['gateway', 'vision', 'designer'],
    doc: 'The Vision client and designer sessions connected to the gateway (Perspective sessions: system.perspective.getSessionInfo).',
  },
  { name: 'getSystemFlags', signature: '() -> int', scopes: VISION_ONLY, doc: "Bit flags describing the Vision client's mode (designer, preview, full screen...)." },
  { name: 'getVersion', signature: '() -> Version', doc: "The gateway's Ignition version." },
  {
    name: 'invokeAsynchronous',
    signature: '(function: Callable, args: list = None, kwargs: dict = None, description: str = None) -> Thread',
    doc: 'Runs a function on a new thread; the script does not wait for it.',
  },
  { name: 'invokeLater', signature: '(function: Callable, delay: int = 0) -> None', scopes: VISION_ONLY, doc: "Runs a function on the Vision client's UI thread after the current event." },
  { name: 'jsonDecode', signature: '(inputString: str) -> Any', doc: 'Parses JSON text into dictionaries, lists and values.' },
  { name: 'jsonEncode', signature: '(pyObj: Any, indentFactor: int = None) -> str', doc: 'Writes a Python object as JSON text.' },
  { name: 'modifyTranslation', signature: "(term: str, translation: str, locale: str = 'en') -> None", doc: 'Adds or changes a translation of a term.' },
  { name: 'playSoundClip', signature: '(wav: Any, volume: float = 1.0, wait: bool = False) -> None', scopes: VISION_ONLY, doc: 'Plays a WAV sound on the Vision client.' },
  {
    name: 'queryAuditLog',
    signature:
      '(auditProfileName: str = None, startDate: Date = None, endDate: Date = None, actorFilter: str = None, actionFilter: str = None, ' +
      'targetFilter: str = None, valueFilter: str = None, systemFilter: str = None, contextFilter: int = None) -> Dataset',
    doc: 'Queries an audit profile; filters accept wildcards.',
  },
  {
    name: 'retarget',
    signature: '(project: str, addresses: list[str] = None, params: dict = None, windows: list[str] = None) -> None',
    scopes: VISION_ONLY,
    doc: 'Switches the Vision client to another project or gateway.',
  },
  {
    name: 'sendMessage',
    signature:
      '(project: str, messageHandler: str, payload: dict = None, scope: str = None, clientSessionId: str = None, user: str = None, ' +
      'hasRole: str = None, hostName: str = None, remoteServers: list[str] = None) -> list[str]',
    doc: "Fires a message at gateway (G), Vision client (C) and Perspective Session Events (S) handlers; the only way to reach a session's handleMessage.",
  },
  {
    name: 'sendRequest',
    signature: '(project: str, messageHandler: str, payload: dict = None, hostName: str = None, remoteServer: str = None, timeoutSec: int = None) -> Any',
    doc: "Calls a gateway message handler and waits for its return value.",
  },
  {
    name: 'sendRequestAsync',
    signature:
      '(project: str, messageHandler: str, payload: dict = None, hostName: str = None, remoteServer: str = None, timeoutSec: int = None, ' +
      'onSuccess: Callable = None, onError: Callable = None) -> Request',
    doc: 'Calls a gateway message handler without waiting; the result goes to onSuccess or onError.',
  },
  { name: 'setConnectTimeout', signature: '(connectTimeout: int) -> None', scopes: VISION_ONLY, doc: "Sets the Vision client's gateway connect timeout." },
  { name: 'setConnectionMode', signature: '(mode: int) -> None', scopes: VISION_ONLY, doc: "Sets the Vision client's connection mode." },
  { name: 'setLocale', signature: '(locale: str) -> None', scopes: VISION_ONLY, doc: "Sets the Vision client's locale.", perspectiveInstead: 'write session.props.locale' },
  { name: 'setLoggingLevel', signature: '(loggerName: str, loggingLevel: str) -> None', doc: "Sets a logger's level: trace, debug, info, warn or error." },
  { name: 'setReadTimeout', signature: '(readTimeout: int) -> None', scopes: VISION_ONLY, doc: "Sets the Vision client's read timeout." },
  { name: 'threadDump', signature: '() -> str', doc: 'A JSON dump of the threads of the JVM the script runs in.' },
  { name: 'translate', signature: '(term: str, locale: str = None, strict: bool = False) -> str', doc: 'Translates a term to a locale (the current one by default).' },
], {
  // A legacy dictionary attribute shared by scripts; getGlobals() is the documented way.
  constants: ['globals'],
});
