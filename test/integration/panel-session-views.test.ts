// The Session tab's trees of the views open on a page (primary, docks) and of their components, on a real 8.1
// project: each tree under its protocol path, empty ones left out, and nested data loaded only when expanded.
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { sessionSections } from '../../extension/panel/tabs/props';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { isStub } from '../../shared/inspector/protocol';
import { InspectorServer } from '../../shared/inspector/server';
import { InspectorStore } from '../../shared/inspector/store';
import { EngineHost } from '../../shared/runtime/engine-host';
import type { Runtime } from '../../shared/runtime/runtime';
import { openRuntime } from '../../shared/runtime/simulation';

const PROJECT = resolve(import.meta.dirname, '../fixtures/project-81');

describe('the Session tab\'s view trees', function () {
  let engine: EngineHost;
  let runtime: Runtime;

  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    runtime = await openRuntime({ source: PROJECT, engine });
  });
  after(async () => {
    await runtime.dispose();
    await engine.dispose();
  });

  it('shows each open view\'s params, custom and props and its components\' props, loading deeper data on expand', async () => {
    const server = new InspectorServer(runtime, { source: PROJECT });
    const driver = server.connectInProcess();
    const { session, page } = await driver.request('open', { path: '/' });
    const store = new InspectorStore(server.connectInProcess(), { depth: 1, session });
    await store.start();

    const sections = () => sessionSections(store.sessions.get(session)!, true);
    const paths = sections().filter((s) => s.path.startsWith('view:')).map((s) => s.path);
    assert.ok(paths.includes('view:Overview.custom'), paths.join(', '));
    assert.ok(paths.includes('view:Overview.props'));
    assert.ok(!paths.includes('view:Overview.params'), 'an empty tree is left out');
    assert.ok(paths.includes('view:Overview/root/Header.props'));
    assert.ok(paths.includes('view:Overview/root/OrdersTable.props'));
    assert.ok(paths.some((p) => p.startsWith('view:Docks/Nav')), 'the shared dock\'s view is there too');
    assert.ok(sections().filter((s) => s.path.startsWith('view:')).every((s) => s.page === page), JSON.stringify(sections().map((s) => [s.path, s.page])));

    const header = () => sections().find((s) => s.path === 'view:Overview/root/Header.props')!.root as Record<string, unknown>;
    const style = header().style;
    assert.ok(isStub(style), `nested data waits to be expanded: ${JSON.stringify(header())}`);
    await store.expand(session, style.$more.path, page);
    assert.deepEqual(header().style, { classes: 'header' });
  });
});
