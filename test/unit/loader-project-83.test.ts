import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { assertMapsTo, scriptOf } from './loader-project-81.test';

const root = join(import.meta.dirname, '..', 'fixtures', 'project-83');

describe('an Ignition 8.3 project folder', () => {
  let project: Project;
  before(async () => {
    [project] = await discoverProjects(root);
  });

  it('is recognised as 8.3 by its per-event session script folders, without problems', () => {
    assert.equal(project.version, '8.3');
    assert.deepEqual(project.problems, []);
  });

  it('loads every session event as a whole-def module mapped line for line', () => {
    const events = project.scripts.filter((s) => s.role.kind === 'session-event').map((s) => (s.role.kind === 'session-event' ? s.role.event : ''));
    assert.deepEqual(events.sort(), [
      'onAccelerometerDataReceived', 'onAuthChallengeCompleted', 'onBarcodeDataReceived', 'onBluetoothReceived',
      'onNdefDataReceived', 'onPageStartup', 'onShutdown', 'onStartup',
    ]);
    const startup = scriptOf(project, (s) => s.role.kind === 'session-event' && s.role.event === 'onStartup');
    assert.equal(startup.wrapper, undefined);
    assert.match(startup.text, /^def onStartup\(session\):\n/);
    assert.deepEqual(startup.origin.position(startup.text.indexOf('count =')), { line: 4, column: 2 });
  });

  it('reads message handlers with resource.json "enabled", key events and form submission handlers', () => {
    const roles = project.scripts.filter((s) => ['session-message-handler', 'key-event', 'form-submission'].includes(s.role.kind)).map((s) => s.role);
    assert.deepEqual(roles, [
      { kind: 'form-submission', name: 'orderRequest' },
      { kind: 'key-event', name: 'quickRefresh' },
      { kind: 'session-message-handler', messageType: 'legacyPing', enabled: false },
      { kind: 'session-message-handler', messageType: 'refreshOrders', enabled: true },
    ]);
  });

  it('indents a view body stored without indentation so that it compiles, still mapped to view.json', () => {
    const plus = scriptOf(project, (s) => s.role.kind === 'component-event' && s.role.view === 'Widgets/Counter');
    assert.equal(plus.text, 'def runAction(self, event):\n\tself.view.params.count += 1');
    assertMapsTo(plus, '+= 1', '+\\u003d 1');
  });

  it('has the same views, pages, library and named queries as its 8.1 twin', () => {
    assert.deepEqual(Object.keys(project.views), ['Area/Detail', 'Docks/Nav', 'Overview', 'Widgets/Counter']);
    assert.deepEqual(project.pages.map((p) => p.url), ['/', '/area/:area']);
    assert.deepEqual(Object.keys(project.library), ['plant.orders', 'plant.util']);
    assert.deepEqual(Object.keys(project.namedQueries), ['Orders/ByLine', 'Orders/Count', 'Orders/Insert', 'Sessions/Log']);
  });
});
