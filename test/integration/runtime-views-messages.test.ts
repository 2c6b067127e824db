import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { captureIo } from '../unit/cli.test';
import { describeEachEngine } from '../support/engines';

const PERSPECTIVE = 'com.inductiveautomation.perspective';

/** Session message handlers a gateway-scope script would use to reach components: bodies without `def`. */
const HANDLERS: Record<string, string> = {
  broadcast: [
    'system.perspective.sendMessage(payload["type"], {"line": payload.get("line", "Capper")}, scope=payload["scope"],',
    '\tsessionId=session.props.id, pageId=payload.get("pageId"))',
    'session.custom.lastMessage = "sent " + payload["type"]',
  ].join('\n'),
  dock: 'system.perspective.openDock(payload["id"], sessionId=session.props.id, pageId=payload["pageId"])',
  popup: 'system.perspective.openPopup("extra", payload.get("view", "Overview"), {}, sessionId=session.props.id, pageId=payload["pageId"])',
  leave: 'system.perspective.closePage(sessionId=session.props.id, pageId=payload["pageId"])',
};

/** A view whose change script feeds itself, and two listeners of one message, one of them broken. */
const LOOP_VIEW = {
  custom: { n: 0 },
  events: { system: { onStartup: { type: 'script', scope: 'G', config: { script: '\tself.custom.n = 1' } } } },
  params: {},
  propConfig: { 'custom.n': { onChange: { enabled: null, script: '\tself.custom.n = currentValue.value + 1' } } },
  props: {},
  root: {
    type: 'ia.container.flex',
    meta: { name: 'root' },
    children: [
      { type: 'ia.display.label', meta: { name: 'Broken' }, scripts: { messageHandlers: [{ messageType: 'lineSelected', pageScope: true, sessionScope: false, viewScope: false, script: '\tself.props.text = 1 / 0' }] } },
      { type: 'ia.display.label', meta: { name: 'Unfinished' }, scripts: { messageHandlers: [{ messageType: 'lineSelected', pageScope: true, sessionScope: false, viewScope: false, script: '\tif payload[:' }] } },
      { type: 'ia.display.label', meta: { name: 'Fine' }, scripts: { messageHandlers: [{ messageType: 'lineSelected', pageScope: true, sessionScope: false, viewScope: false, script: '\tself.props.text = payload["line"]' }] } },
    ],
  },
};

/** A view whose button reports what its component object shows, with a sibling that has a custom method. */
const PROBE_VIEW = {
  custom: { k: 'view custom' },
  events: { system: { onShutdown: { type: 'script', scope: 'G', config: { script: "\tself.session.custom.lastMessage = 'probe closed ' + self.params.mode" } } } },
  params: { mode: '' },
  propConfig: { 'custom.k': { onChange: { script: '\tself.custom.seen = [origin, previousValue.value, currentValue.value, missedEvents]' } } },
  props: {},
  root: {
    type: 'ia.container.flex',
    meta: { name: 'root' },
    children: [
      {
        type: 'ia.input.button', meta: { name: 'Probe' }, props: { text: 'probe' }, custom: {},
        events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: [
          "\tother = self.getSibling('Other')",
          "\tself.custom.report = {'name': self.meta.name, 'parent': self.parent.meta.name, 'sibling': other.props.text,",
          "\t\t'child': self.view.getChild('root/Other').name, 'root': self.view.rootContainer.meta.name,",
          "\t\t'session': self.session.props.id, 'page': self.page.props.path, 'mode': self.view.params.mode,",
          "\t\t'viewCustom': self.view.custom.k, 'hasNope': hasattr(self.props, 'nope'), 'method': other.double(21),",
          "\t\t'children': [c.name for c in self.parent.getChildren()], 'isDict': isinstance(self.props, dict),",
          "\t\t'missingSibling': self.getSibling('Nobody') is None}",
        ].join('\n') } } } },
      },
      {
        type: 'ia.display.label', meta: { name: 'Other' }, props: { text: 'other text' },
        events: { component: { onClick: { type: 'script', scope: 'G', config: { script: '\tself.label = 1' } } } },
        scripts: { customMethods: [{ name: 'double', params: ['n'], script: '\treturn n * 2' }] },
      },
    ],
  },
};

/** A copy of a fixture project with the handlers and the loop view added, in the project's own format. */
function projectWithHandlers(version: '81' | '83', dir: string): string {
  const root = join(dir, `project-${version}`);
  cpSync(`test/fixtures/project-${version}`, root, { recursive: true });
  rmSync(join(root, 'scenario.json'), { force: true });
  const scripts = join(root, PERSPECTIVE, version === '81' ? 'session-scripts' : '');
  if (version === '81') {
    const data = JSON.parse(readFileSync(join(scripts, 'data.bin'), 'utf8')) as { messageHandlers: unknown[] };
    for (const [name, body] of Object.entries(HANDLERS)) data.messageHandlers.push({ name, enabled: true, script: body.split('\n').map((l) => `\t${l}`).join('\n') });
    writeFileSync(join(scripts, 'data.bin'), JSON.stringify(data));
  } else {
    const resource = readFileSync(join(scripts, 'message/refreshOrders/resource.json'), 'utf8');
    for (const [name, body] of Object.entries(HANDLERS)) {
      mkdirSync(join(scripts, 'message', name));
      writeFileSync(join(scripts, 'message', name, 'resource.json'), resource);
      writeFileSync(join(scripts, 'message', name, 'handleMessage.py'), `def handleMessage(session, payload):\n${body.split('\n').map((l) => `\t${l}`).join('\n')}\n`);
    }
  }
  const loop = join(root, PERSPECTIVE, 'views/Loop');
  mkdirSync(loop);
  writeFileSync(join(loop, 'view.json'), JSON.stringify(LOOP_VIEW, null, 2));
  writeFileSync(join(loop, 'resource.json'), readFileSync(join(root, PERSPECTIVE, 'views/Overview/resource.json')));
  const probe = join(root, PERSPECTIVE, 'views/Probe');
  mkdirSync(probe);
  writeFileSync(join(probe, 'view.json'), JSON.stringify(PROBE_VIEW, null, 2));
  writeFileSync(join(probe, 'resource.json'), readFileSync(join(root, PERSPECTIVE, 'views/Overview/resource.json')));
  const configFile = join(root, PERSPECTIVE, 'page-config/config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as { pages: Record<string, unknown> };
  config.pages['/loop'] = { title: 'Loop', viewPath: 'Loop' };
  config.pages['/probe/:mode'] = { title: 'Probe', viewPath: 'Probe' };
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return root;
}

function deliveries(result: SimulationResult, name: string): Array<Extract<TraceEvent, { kind: 'message' }> & { view?: string; component?: string }> {
  return result.events.filter((e) => e.kind === 'message' && e.name === name && e.handled) as Array<Extract<TraceEvent, { kind: 'message' }> & { view?: string; component?: string }>;
}

function scriptRuns(result: SimulationResult, pattern: RegExp): Array<Extract<TraceEvent, { kind: 'script' }>> {
  return result.events.filter((e): e is Extract<TraceEvent, { kind: 'script' }> => e.kind === 'script' && e.event !== 'load' && pattern.test(e.name));
}

describeEachEngine('views and component message handlers in the runtime', (testEngine) => {
  let engine: EngineHost;
  let dir: string;
  before(async () => {
    engine = await testEngine.start();
    dir = mkdtempSync(join(tmpdir(), 'periscope-views-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const version of ['81', '83'] as const) {
    describe(`an ${version[0]}.${version[1]} project`, () => {
      let project: string;
      before(() => { project = projectWithHandlers(version, join(dir, version)); });
      const run = (steps: unknown[]) => simulate({ source: project, scenario: parseScenario(join(project, 'steps.json'), JSON.stringify({ steps })), engine });

      it('runs the fixture scenario through `periscope simulate`: component events, change scripts, all three scopes', async () => {
        const io = captureIo();
        const code = await main(['simulate', `test/fixtures/project-${version}`, '--format', 'json'], io);
        assert.equal(code, 0, io.err);
        const result = JSON.parse(io.out) as SimulationResult;
        assert.deepEqual(result.expectations.failures, []);
        assert.equal(result.expectations.passed, 14);
        const props = result.events.filter((e) => e.kind === 'prop').map((e) => e.kind === 'prop' && e.path);
        assert.ok(props.includes('view:Overview/root/OrdersTable.props.selection'));
        assert.ok(props.includes('view:Overview/root/Counter.props.params.count'), 'the inout param of the embedded view is written back');
      });

      it('delivers scope "session" from a session message handler to every page of the session, after the handler returns', async () => {
        const result = await run([
          { open: '/' }, { open: '/' },
          { message: 'broadcast', payload: { type: 'ordersChanged', scope: 'session', line: 'Capper' } },
          { expect: { 'custom.lastMessage': 'sent ordersChanged' } },
        ]);
        assert.deepEqual(result.expectations.failures, []);
        const sent = deliveries(result, 'ordersChanged');
        assert.deepEqual(sent.map((e) => [e.page, e.component, e.scope]), [['s1-p1', 'Overview/root/OrdersTable', 'session'], ['s1-p2', 'Overview/root/OrdersTable', 'session']]);
        const sender = scriptRuns(result, /^message broadcast$/)[0];
        const handlers = scriptRuns(result, /OrdersTable message ordersChanged/);
        assert.equal(handlers.length, 2);
        assert.ok(handlers.every((h) => h.status === 'ok' && h.seq > sender.seq), 'handlers run after the sender returned');
        const data = result.events.filter((e): e is Extract<TraceEvent, { kind: 'prop' }> => e.kind === 'prop' && e.path === 'view:Overview/root/OrdersTable.props.data');
        assert.equal(data.length, 2);
        for (const write of data) assert.deepEqual((write.new as { rows: unknown[][] }).rows.map((r) => r[1]), ['Capper'], 'the table shows the orders of the line');
      });

      it('delivers scope "page" to the views of that page only, popups included', async () => {
        const result = await run([
          { open: '/' }, { open: '/' },
          { message: 'popup', payload: { pageId: 's1-p1' } },
          { message: 'broadcast', payload: { type: 'lineSelected', scope: 'page', pageId: 's1-p1', line: 'Filler' } },
        ]);
        assert.deepEqual(deliveries(result, 'lineSelected').map((e) => [e.page, e.view]), [['s1-p1', 'primary'], ['s1-p1', 'popup:extra']]);
        assert.ok(result.events.some((e) => e.kind === 'popup' && e.action === 'open' && e.id === 'extra'));
        assert.ok(result.events.some((e) => e.kind === 'query' && e.name === 'Orders/ByLine'));
      });

      it('shows visible docks with the page and on-demand docks once openDock asks for them', async () => {
        const result = await run([
          { open: '/area/filler' },
          { action: { view: 'dock:areaNav', component: 'root/Home', event: 'onActionPerformed' } },
          { message: 'dock', payload: { id: 'areaNav', pageId: 's1-p1' } },
          { action: { view: 'dock:areaNav', component: 'root/Home', event: 'onActionPerformed' } },
          { expect: { 'page.path': '/', 'view:Overview.custom.selectedLine': 'Filler' } },
        ]);
        assert.deepEqual(result.expectations.failures.map((f) => f.step), [2]);
        assert.match(result.expectations.failures[0].message, /view "dock:areaNav" is not open on page \/area\/filler; open views: Area\/Detail, Docks\/Nav \(dock:nav\)/);
        assert.equal(result.expectations.passed, 2);
      });

      it('reports a popup of a view the project does not have, and goes on', async () => {
        const result = await run([
          { open: '/' },
          { message: 'popup', payload: { pageId: 's1-p1', view: 'Missing/Editor' } },
          { action: { view: 'Overview', component: 'root/AddOrder', event: 'onDoubleClick' } },
        ]);
        const missing = result.events.find((e) => e.kind === 'divergence' && e.rule === 'missing-view');
        assert.ok(missing?.kind === 'divergence' && /"Missing\/Editor"/.test(missing.message));
        assert.deepEqual(deliveries(result, 'highlight').map((e) => e.view), ['primary']);
      });

      it('needs a page for scope "page" and a sending view for scope "view": from Session Events nothing is delivered', async () => {
        const result = await run([
          { open: '/' },
          { message: 'broadcast', payload: { type: 'lineSelected', scope: 'page' } },
          { message: 'broadcast', payload: { type: 'highlight', scope: 'view', pageId: 's1-p1' } },
        ]);
        assert.ok(result.events.some((e) => e.kind === 'divergence' && e.rule === 'page-call-without-page'));
        assert.equal(deliveries(result, 'lineSelected').length, 0);
        const highlight = result.events.find((e) => e.kind === 'message' && e.name === 'highlight') as Extract<TraceEvent, { kind: 'message' }> & { reason?: string };
        assert.equal(highlight.handled, false);
        assert.match(highlight.reason ?? '', /sending view only/);
      });

      it('delivers scope "view" from a component to its own view instance only', async () => {
        const result = await run([
          { open: '/' },
          { message: 'popup', payload: { pageId: 's1-p1' } },
          { action: { view: 'Overview', component: 'root/AddOrder', event: 'onActionPerformed' } },
          { action: { view: 'popup:extra', component: 'root/AddOrder', event: 'onDoubleClick' } },
        ]);
        assert.deepEqual(deliveries(result, 'highlight').map((e) => e.view), ['popup:extra']);
        const selections = result.events.filter((e) => e.kind === 'prop' && e.path === 'view:Overview/root/OrdersTable.props.selection');
        assert.deepEqual(selections.map((e) => (e as { view?: string }).view), ['popup:extra'], 'only the popup highlighted its table');
      });

      it('reports a Session Events handler that system.perspective.sendMessage can never reach', async () => {
        const result = await run([
          { open: '/' },
          { message: 'broadcast', payload: { type: 'refreshOrders', scope: 'session' } },
        ]);
        const divergence = result.events.find((e) => e.kind === 'divergence' && e.rule === 'unreachable-session-handler');
        assert.ok(divergence?.kind === 'divergence' && /system\.util\.sendMessage/.test(divergence.message));
        assert.equal(scriptRuns(result, /^message refreshOrders$/).length, 0);
      });

      it('gives component scripts Ignition-like objects: props, meta, view, session, page, relatives and custom methods', async () => {
        const result = await run([
          { open: '/probe/fast' },
          { action: { view: 'Probe', component: 'root/Probe', event: 'onActionPerformed' } },
          { action: { view: 'Probe', component: 'root/Other', event: 'onClick' } },
        ]);
        const report = result.events.find((e) => e.kind === 'prop' && e.path === 'view:Probe/root/Probe.custom.report');
        assert.deepEqual(report?.kind === 'prop' && report.new, {
          name: 'Probe', parent: 'root', sibling: 'other text', child: 'Other', root: 'root', session: 's1', page: '/probe/fast',
          mode: 'fast', viewCustom: 'view custom', hasNope: false, method: 42, children: ['Probe', 'Other'], isDict: false, missingSibling: true,
        });
        const assignment = scriptRuns(result, /Other onClick/)[0];
        assert.equal(assignment.status, 'error');
        assert.equal(assignment.error?.type, 'AttributeError');
        assert.match(assignment.error?.message ?? '', /ComponentModelScriptWrapper.*'label' is read-only/);
      });

      it('lets a scenario write a view property as the browser would, firing its change script; onShutdown runs when the view goes', async () => {
        const result = await run([
          { open: '/probe/slow' },
          { write: { 'view:Probe.custom.k': 'typed' } },
          { expect: { 'view:Probe.custom.seen': ['Browser', 'view custom', 'typed', false] } },
          { write: { 'view:Probe/root/Nothing.props.text': 'x' } },
          { write: { 'view:Probe/root/Other.meta.name': 'Renamed' } },
          { navigate: '/probe/fast' },
          { expect: { 'custom.lastMessage': 'probe closed slow', 'view:Probe.params.mode': 'fast', 'view:Probe.custom.k': 'view custom' } },
        ]);
        assert.equal(result.expectations.passed, 4, 'the view closed with its onShutdown and opened afresh with the new URL params');
        assert.deepEqual(result.expectations.failures.map((f) => f.step), [4, 5]);
        assert.match(result.expectations.failures[0].message, /not a property of a view open on the current page/);
        assert.match(result.expectations.failures[1].message, /meta\.name is read-only/);
      });

      it('runs the onShutdown of every open view when the session closes, before the session\'s own Shutdown', async () => {
        const result = await run([{ open: '/probe/slow' }, { close: true }, { expect: { 'custom.lastMessage': 'probe closed slow' } }]);
        assert.deepEqual(result.expectations.failures, []);
        const order = result.events
          .filter((e) => (e.kind === 'script' && e.event === 'onShutdown') || (e.kind === 'session' && e.action === 'close'))
          .map((e) => (e.kind === 'script' ? e.name : 'session closed'));
        assert.ok(/Probe/.test(order[0]), `the view's onShutdown runs first: ${order.join(', ')}`);
        assert.equal(order.at(-1), 'session closed');
        assert.deepEqual(result.sessions[0].pages[0].views, [], 'a closed page shows no views');
      });

      it('runs the onShutdown of the views of a page closed by system.perspective.closePage, after the calling script', async () => {
        const result = await run([{ open: '/probe/slow' }, { message: 'leave', payload: { pageId: 's1-p1' } }, { expect: { 'custom.lastMessage': 'probe closed slow' } }]);
        assert.deepEqual(result.expectations.failures, []);
        const order = result.events
          .filter((e) => (e.kind === 'script' && /^(message leave|.*Probe)/.test(e.name) && e.event !== 'load') || (e.kind === 'page' && e.action === 'close'))
          .map((e) => (e.kind === 'script' ? e.event : 'page closed'));
        assert.deepEqual(order.slice(-3), ['message leave', 'onShutdown', 'page closed']);
        assert.deepEqual(result.sessions[0].pages[0].views, []);
      });

      it('shows each open view in the snapshot and the JSON output: params, custom, and components with props', async () => {
        const result = await run([{ open: '/probe/slow' }, { write: { 'view:Probe.custom.k': 'typed' } }]);
        const views = result.sessions[0].pages[0].views;
        const probe = views.find((v) => v.path === 'Probe');
        assert.ok(probe, `views: ${views.map((v) => v.path).join(', ')}`);
        assert.equal(probe.instanceId, 'primary');
        assert.equal(probe.placement, 'primary');
        assert.deepEqual([(probe.params as { mode: string }).mode, (probe.custom as { k: string }).k], ['slow', 'typed']);
        const button = probe.components.find((c) => c.path === 'root/Probe');
        assert.deepEqual([button?.type, (button?.props as { text: string }).text], ['ia.input.button', 'probe']);
        assert.equal(probe.components[0].path, 'root', 'the root container comes first');
      });

      it('keeps delivering when one handler fails, and stops a change script that feeds itself', async () => {
        const result = await run([
          { open: '/loop' },
          { message: 'broadcast', payload: { type: 'lineSelected', scope: 'page', pageId: 's1-p1', line: 'Labeler' } },
          { expect: { 'view:Loop/root/Fine.props.text': 'Labeler' } },
        ]);
        assert.deepEqual(result.expectations.failures, []);
        const broken = scriptRuns(result, /Broken message lineSelected/)[0];
        assert.equal(broken.status, 'error');
        assert.equal(broken.error?.type, 'ZeroDivisionError');
        assert.match(broken.error?.file ?? '', /views\/Loop\/view\.json$/);
        const unfinished = result.events.find((e) => e.kind === 'script' && e.event === 'load' && /Unfinished/.test(e.name));
        assert.ok(unfinished?.kind === 'script' && unfinished.status === 'error' && unfinished.error?.type === 'SyntaxError', 'a handler that does not compile is reported when it would first run');
        assert.equal(scriptRuns(result, /Unfinished/).length, 0);
        assert.ok(result.events.some((e) => e.kind === 'divergence' && e.rule === 'change-script-loop'));
        assert.equal(scriptRuns(result, /custom\.n change/).length, 32);
      });
    });
  }
});
