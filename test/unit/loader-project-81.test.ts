import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { LineIndex } from '../../shared/source/origin';
import type { Script } from '../../shared/source/script';

const root = join(import.meta.dirname, '..', 'fixtures', 'project-81');

/** The file position of `inFile` must be where the script's `inText` maps to. */
export function assertMapsTo(script: Script, inText: string, inFile: string): void {
  const fileText = readFileSync(script.origin.file, 'utf8');
  const fileOffset = fileText.indexOf(inFile);
  assert.ok(fileOffset >= 0 && fileText.indexOf(inFile, fileOffset + 1) === -1, `"${inFile}" once in ${script.origin.file}`);
  const textOffset = script.text.indexOf(inText);
  assert.ok(textOffset >= 0, `"${inText}" in ${script.id}`);
  assert.deepEqual(script.origin.position(textOffset), new LineIndex(fileText).position(fileOffset), `${script.id}: "${inText}"`);
}

export function scriptOf(project: Project, predicate: (s: Script) => boolean): Script {
  const script = project.scripts.find(predicate);
  assert.ok(script, 'script not found');
  return script;
}

describe('an Ignition 8.1 project folder', () => {
  let project: Project;
  before(async () => {
    [project] = await discoverProjects(root);
  });

  it('is recognised with its name, title and version, and loads without problems', () => {
    assert.deepEqual({ name: project.name, title: project.title, version: project.version }, { name: 'project-81', title: 'Bottling Line', version: '8.1' });
    assert.deepEqual(project.problems, []);
  });

  it('wraps data.bin event bodies in the def the gateway compiles', () => {
    const startup = scriptOf(project, (s) => s.role.kind === 'session-event' && s.role.event === 'onStartup');
    assert.deepEqual(startup.wrapper, { name: 'onStartup', params: ['session'] });
    assert.match(startup.text, /^def onStartup\(session\):\n\t# Load the operator's line/);
    const pageStartup = scriptOf(project, (s) => s.role.kind === 'session-event' && s.role.event === 'onPageStartup');
    assert.match(pageStartup.text, /^def onPageStartup\(page\):\n/);
  });

  it('turns an empty "\\t" event body into pass', () => {
    const shutdown = scriptOf(project, (s) => s.role.kind === 'session-event' && s.role.event === 'onShutdown');
    assert.equal(shutdown.text, 'def onShutdown(session):\n\t\n\tpass\n');
  });

  it('maps data.bin scripts back to their JSON string, \\u003d and \\u0027 escapes counted', () => {
    const startup = scriptOf(project, (s) => s.role.kind === 'session-event' && s.role.event === 'onStartup');
    assertMapsTo(startup, 'count = plant', 'count \\u003d plant');
    assertMapsTo(startup, "operator's", 'operator\\u0027s');
    assertMapsTo(startup, 'plant.orders.logSession', 'plant.orders.logSession');
    const refresh = scriptOf(project, (s) => s.role.kind === 'session-message-handler' && s.role.messageType === 'refreshOrders');
    assertMapsTo(refresh, '< 0:', '\\u003c 0:');
  });

  it('keeps message handlers with their enabled flag', () => {
    const handlers = project.scripts.filter((s) => s.role.kind === 'session-message-handler').map((s) => s.role);
    assert.deepEqual(handlers, [
      { kind: 'session-message-handler', messageType: 'refreshOrders', enabled: true },
      { kind: 'session-message-handler', messageType: 'legacyPing', enabled: false },
    ]);
  });

  it('reads session props, pages with URL params, and docks', () => {
    assert.deepEqual(project.sessionProps.custom.shiftLead, { name: '', badge: 0 });
    assert.equal(project.sessionProps.props.timeZoneId, 'America/Chicago');
    assert.deepEqual(project.sessionProps.propConfig['custom.shiftLead'], { access: 'PROTECTED', persistent: true });
    assert.deepEqual(project.pages, [
      { url: '/', title: 'Overview', viewPath: 'Overview', params: [] },
      { url: '/area/:area', title: 'Area', viewPath: 'Area/Detail', params: ['area'] },
    ]);
    assert.deepEqual(project.docks, [
      { position: 'right', viewPath: 'Docks/Nav', id: 'areaNav', page: '/area/:area', show: 'onDemand' },
      { position: 'left', viewPath: 'Docks/Nav', id: 'nav', show: 'visible' },
    ]);
  });

  it('builds each view\'s component tree with props, custom and scripts', () => {
    const overview = project.views.Overview;
    assert.deepEqual(overview.root.children.map((c) => [c.path, c.type]), [
      ['root/Header', 'ia.display.label'], ['root/OrdersTable', 'ia.display.table'], ['root/AddOrder', 'ia.input.button'], ['root/Counter', 'ia.display.view'],
    ]);
    assert.deepEqual(overview.custom, { selectedLine: 'Filler' });
    assert.deepEqual(overview.embeds.map((e) => [e.viewPath, e.component]), [['Widgets/Counter', 'root/Counter']]);
    assert.deepEqual(project.views['Area/Detail'].params, { area: '' });
    const table = overview.root.children[1];
    assert.deepEqual(table.scripts.map((s) => s.wrapper?.name), ['runAction', 'onMessageReceived', 'onMessageReceived', 'onMessageReceived', 'refresh']);
  });

  it('finds component message handlers in all three scopes', () => {
    const scopes = project.scripts.flatMap((s) => (s.role.kind === 'component-message-handler'
      ? [[s.role.messageType, s.role.sessionScope, s.role.pageScope, s.role.viewScope]] : []));
    assert.deepEqual(scopes, [['ordersChanged', true, false, false], ['lineSelected', false, true, false], ['highlight', false, false, true]]);
  });

  it('wraps every view script location in its own function, mapped into view.json', () => {
    const transform = scriptOf(project, (s) => s.role.kind === 'transform' && s.role.view === 'Overview');
    assert.match(transform.text, /^def transform\(self, value, quality, timestamp\):\n\treturn u"Line \u2014 %s" % value/);
    assertMapsTo(transform, '% value', '% value');
    const change = scriptOf(project, (s) => s.role.kind === 'property-change');
    assert.deepEqual(change.wrapper?.params, ['self', 'previousValue', 'currentValue', 'origin', 'missedEvents']);
    assertMapsTo(change, 'scope="page"', 'scope\\u003d\\"page\\"');
    const method = scriptOf(project, (s) => s.role.kind === 'custom-method');
    assert.match(method.text, /^def refresh\(self, line\):\n/);
    const doubleClick = scriptOf(project, (s) => s.role.kind === 'component-event' && s.role.event === 'dom.onDoubleClick');
    assert.match(doubleClick.id, /AddOrder\.events\.dom\.onDoubleClick\[1\]$/);
    const nav = scriptOf(project, (s) => s.role.kind === 'component-event' && s.role.view === 'Docks/Nav');
    assert.equal(nav.text, 'def runAction(self, event):\n\tsystem.perspective.navigate("/")');
    assertMapsTo(nav, 'navigate', 'navigate');
  });

  it('loads the library by dotted module path and named queries with their type and parameters', () => {
    assert.deepEqual(Object.keys(project.library), ['plant.orders', 'plant.util']);
    assert.equal(project.library['plant.orders'].role.kind, 'library');
    assert.deepEqual(
      Object.fromEntries(Object.entries(project.namedQueries).map(([path, q]) => [path, [q.type, q.parameters]])),
      {
        'Orders/ByLine': ['Query', { line: 'String' }],
        'Orders/Count': ['Scalar', { line: 'String' }],
        'Orders/Insert': ['Update', { line: 'String', qty: 'Int4', rush: 'Boolean' }],
        'Sessions/Log': ['Update', { sessionID: 'String', username: 'String', started: 'DateTime' }],
      },
    );
    assert.match(project.namedQueries['Orders/ByLine'].file, /named-query\/Orders\/ByLine\/query\.sql$/);
  });

  it('is the same project when given a file inside it', async () => {
    const [inside] = await discoverProjects(join(root, 'com.inductiveautomation.perspective', 'views', 'Overview', 'view.json'));
    assert.equal(inside.name, 'project-81');
    assert.equal(Object.keys(inside.views).length, 4);
  });
});
