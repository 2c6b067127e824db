// not-a-session-event: functions named like events Perspective never fires (onLogin, onIdle...), which the gateway never calls.
import type { Rule } from '../rule';

/** Event-like names with no gateway event behind them, and what to use instead. */
const NOT_EVENTS: ReadonlyArray<[RegExp, string]> = [
  [/^onLog(in|In)$/, 'there is no login session event; react where the login happens (after system.perspective.login() returns, or in a property change script on session.props.auth.user)'],
  [/^onLog(out|Out)$/, 'there is no logout session event; do the work before calling system.perspective.logout(), or in onShutdown'],
  [/^onIdle\w*$|^onInactiv\w*$|^on(Session)?Timeout$/, 'there is no idle session event; set the inactivity timeout in the project\'s session settings, or compare session.props.lastActivity with system.date.now() in a timer'],
  [/^onNavigat\w*$|^onPageChange\w*$/, 'there is no navigation session event; use onPageStartup or the view\'s onStartup event'],
  [/^onPage(Shutdown|Close)$/, 'there is no page shutdown session event; use the view\'s onShutdown event'],
  [/^onSession(Start|End)$/, 'the session events are onStartup and onShutdown'],
];

export const notASessionEvent: Rule = {
  id: 'not-a-session-event',
  defaultSeverity: 'info',
  scope: 'perspective',
  summary: 'A function named like a session event Perspective never fires (onLogin, onLogout, onIdle...); the gateway never calls it.',
  doc: `## What it does
Reports functions named like session events that do not exist in Perspective: \`onLogin\`, \`onLogout\`,
\`onIdle\`, \`onIdleReset\`, \`onIdleTimeout\`, \`onNavigate\`, \`onPageShutdown\`, \`onSessionStart\`..., unless the
scripts call them themselves.

## Why is this bad?
Perspective's session events are Startup, Shutdown, Page Startup, Authentication Challenge Completed, message,
keystroke, barcode, Bluetooth, accelerometer, NFC and (8.3) form submission. Nothing on a gateway calls a function
named \`onLogin\` or \`onIdle\`; such code only runs in a simulator that adds these events. Periscope's simulator runs
them so a document's behaviour can be seen, and reports each run as a divergence.

## Example
\`\`\`python
def onIdleTimeout(session):
	system.perspective.logout()
\`\`\`

## Use instead
Set an inactivity timeout in the project's Perspective session settings, or build on
\`session.props.lastActivity\` from a timer script.`,
  nodeTypes: ['function_definition'],
  check({ script, nodes, names, report }) {
    if (!/\bdef\s+on[A-Z]/.test(script.text)) return;
    for (const def of nodes('function_definition')) {
      const name = def.childForFieldName('name');
      if (!name || def.parent?.parent?.type === 'class_definition') continue;
      const advice = NOT_EVENTS.find(([pattern]) => pattern.test(name.text))?.[1];
      // The scripts call it themselves, so it runs even though the gateway does not call it.
      if (!advice || names.called.has(name.text)) continue;
      report({ node: name, message: `Perspective never calls ${name.text}: ${advice}` });
    }
  },
};
