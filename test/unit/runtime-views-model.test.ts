import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { discoverProjects, type View } from '../../shared/loaders/project';
import { parseComponentAction } from '../../shared/runtime/views/actions';
import { embeddedViews, isOutputParam, ViewInstance } from '../../shared/runtime/views/instance';
import { matchPageUrl } from '../../shared/runtime/views/page-url';
import { parseScenario } from '../../shared/runtime/scenario';
import type { Json } from '../../shared/engine/types';

describe('page URLs of the page configuration', () => {
  const pages = ['/', '/area/:area', '/area/overview', '/line/:line/cell/:cell'];

  it('prefers the exact URL, then the pattern with the most literal segments', () => {
    assert.deepEqual(matchPageUrl(pages, '/'), { pattern: '/', params: {} });
    assert.deepEqual(matchPageUrl(pages, '/area/overview'), { pattern: '/area/overview', params: {} });
    assert.deepEqual(matchPageUrl(pages, '/area/filler'), { pattern: '/area/:area', params: { area: 'filler' } });
  });

  it('decodes parameters and ignores the query string', () => {
    assert.deepEqual(matchPageUrl(pages, '/line/Line%201/cell/7?debug=1'), { pattern: '/line/:line/cell/:cell', params: { line: 'Line 1', cell: '7' } });
  });

  it('matches nothing when the segment count differs or no page is configured there', () => {
    assert.equal(matchPageUrl(pages, '/area'), undefined);
    assert.equal(matchPageUrl(pages, '/area/filler/extra'), undefined);
    assert.equal(matchPageUrl(pages, '/reports'), undefined);
  });

  it('never matches a pattern whose parameter is named like object machinery', () => {
    assert.equal(matchPageUrl(['/x/:__proto__'], '/x/1'), undefined);
  });

  it('gives back every parameter value a URL was built from', () => {
    const segment = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (values) => {
      const pattern = '/p/' + values.map((_, i) => `:v${i}`).join('/');
      const url = '/p/' + values.map((v) => encodeURIComponent(v)).join('/');
      const match = matchPageUrl([pattern], url);
      assert.deepEqual(match?.params, Object.fromEntries(values.map((v, i) => [`v${i}`, v])));
    }));
  });
});

describe('view instances', () => {
  let views: Record<string, View>;
  before(async () => {
    [{ views }] = await discoverProjects('test/fixtures/project-81');
  });

  it('opens a view with its defaults and the params it is given, copied from the model', () => {
    const overview = ViewInstance.open('primary', views.Overview, 'primary', {});
    assert.deepEqual(overview.custom, { selectedLine: 'Filler' });
    overview.custom.selectedLine = 'Capper';
    assert.deepEqual(views.Overview.custom, { selectedLine: 'Filler' }, 'the loaded view is untouched');
    const detail = ViewInstance.open('primary', views['Area/Detail'], 'primary', { area: 'filler' });
    assert.deepEqual(detail.params, { area: 'filler' });
    assert.deepEqual(detail.opening, { area: 'filler' });
  });

  it('finds children from the view and from a component, siblings and parents', () => {
    const overview = ViewInstance.open('primary', views.Overview, 'primary', {});
    assert.deepEqual(overview.components().map((c) => c.path), ['root', 'root/Header', 'root/OrdersTable', 'root/AddOrder', 'root/Counter']);
    assert.equal(overview.child('', 'root/OrdersTable')?.name, 'OrdersTable');
    assert.equal(overview.child('root', 'AddOrder')?.path, 'root/AddOrder');
    assert.equal(overview.child('root', 'root/AddOrder'), undefined, "a component's child path starts below it");
    assert.equal(overview.sibling('root/AddOrder', 'Counter')?.props.path, 'Widgets/Counter');
    assert.equal(overview.sibling('root', 'Anything'), undefined, 'the root container has no siblings');
    assert.equal(overview.component('root/Header')?.parent?.path, 'root');
    assert.deepEqual(overview.component('root/Header')?.meta, { name: 'Header' });
  });

  it('lists the views its Embedded View components show, with the params they pass', () => {
    const overview = ViewInstance.open('primary', views.Overview, 'primary', {});
    assert.deepEqual(embeddedViews(overview).map((e) => [e.component.path, e.viewPath, e.params]), [['root/Counter', 'Widgets/Counter', { count: 1 }]]);
  });

  it('knows which params are written back to the embedding component', () => {
    assert.equal(isOutputParam(views['Widgets/Counter'], 'count'), true);
    assert.equal(isOutputParam(views['Area/Detail'], 'area'), false);
  });
});

describe('the action step of scenarios', () => {
  const fail = (message: string): never => {
    throw new Error(message);
  };

  it('reads view, component, event and the event object', () => {
    const action = parseComponentAction({ view: 'Overview', component: 'root/OrdersTable', event: 'onRowClick', data: { value: { line: 'Capper' } } }, fail);
    assert.deepEqual(action, { view: 'Overview', component: 'root/OrdersTable', event: 'onRowClick', data: { value: { line: 'Capper' } } });
    assert.equal(parseComponentAction({ view: 'Overview', event: 'onStartup' }, fail).component, '', 'no component: the view itself');
  });

  it('says what is missing or misplaced', () => {
    assert.throws(() => parseComponentAction({ view: 'Overview', component: 'root/AddOrder' }, fail), /needs "event"/);
    assert.throws(() => parseComponentAction({ view: 'Overview', event: 'onClick', button: 1 } as Json, fail), /"button" does not belong/);
    assert.throws(() => parseComponentAction('Overview', fail), /names a view, a component and an event/);
    assert.throws(() => parseComponentAction({ view: 'Overview', event: 'onClick', data: [1] }, fail), /"data" holds the fields/);
  });

  it('is a step of scenario files', () => {
    const scenario = parseScenario('walk.json', JSON.stringify({ steps: [{ action: { view: 'Docks/Nav', component: 'root/Home', event: 'onActionPerformed' } }] }));
    assert.deepEqual(scenario.steps[0], { session: 's1', index: 1, kind: 'action', view: 'Docks/Nav', component: 'root/Home', event: 'onActionPerformed', data: {} });
    assert.throws(() => parseScenario('walk.json', JSON.stringify({ steps: [{ action: { view: 'Docks/Nav' } }] })), /walk\.json: step 1: the action needs "event"/);
  });

  it('refuses event fields that would reach object machinery', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}') as Json;
    assert.throws(() => parseComponentAction({ view: 'Overview', event: 'onClick', data }, fail), /__proto__/);
  });
});
