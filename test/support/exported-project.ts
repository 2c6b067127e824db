// A project shaped like real exports, written by tests into a temporary folder: an 8.3 project whose parent (Global) was
// not exported, with views and docks that are not there, QueryString parameters, text Jython drops and a stored body
// whose lines disagree. Built by hand from the facts of reference/perspective.md section 7.
import { writeTree } from '../support/write-tree';

const P = 'com.inductiveautomation.perspective';
const resource = (file: string) => JSON.stringify({ scope: 'G', version: 1, files: [file], attributes: { enabled: true } });

/** An 8.3 export of one project whose parent (Global) was not exported. */
export function exportedProject(root: string): void {
  writeTree(root, {
    'project.json': JSON.stringify({ title: 'Plant', parent: 'Global', enabled: true }),
    'periscope.json': JSON.stringify({
      project: { name: 'Plant', version: '8.3' },
      database: {
        schema: ['CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL, qty INTEGER NOT NULL)'],
        rows: { orders: [{ line: 'Filler', qty: 10 }, { line: 'Filler', qty: 20 }, { line: 'Capper', qty: 5 }] },
      },
    }),
    [`${P}/page-config/config.json`]: JSON.stringify({
      pages: { '/': { title: 'Home', viewPath: 'Main' }, '/report': { title: 'Report', viewPath: 'Reports/Shift' } },
      sharedDocks: { left: [{ id: 'nav', viewPath: 'Docks/Nav', show: 'visible' }] },
    }),
    [`${P}/page-config/resource.json`]: resource('config.json'),
    [`${P}/views/Main/view.json`]: JSON.stringify({
      custom: {},
      // A param whose name is not a plain name: the Designer quotes it in propConfig.
      params: { 'Schedule Meeting': false },
      propConfig: {
        "params['Schedule Meeting']": {
          paramDirection: 'input',
          onChange: { enabled: null, script: '\tself.session.custom.scheduled = currentValue.value' },
        },
      },
      props: {},
      root: {
        type: 'ia.container.flex', meta: { name: 'root' },
        // Stored by hand: the first line indented, the second not, so it falls outside runAction.
        events: { system: { onStartup: { type: 'script', scope: 'G', config: { script: '\tself.custom.started = True\nself.custom.outside = True' } } } },
        children: [
          { type: 'ia.display.view', meta: { name: 'Legend' }, props: { path: 'Parts/Legend' } },
          {
            type: 'ia.input.button', meta: { name: 'Schedule' },
            events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: '\tself.view.params["Schedule Meeting"] = True' } } } },
          },
        ],
      },
    }),
    [`${P}/views/Main/resource.json`]: resource('view.json'),
    [`${P}/startup/resource.json`]: resource('onStartup.py'),
    [`${P}/startup/onStartup.py`]: 'def onStartup(session):\n\tsession.custom.ready = True\n\tsession.custom.rate = plant.lines.filler.rate()\n\tsession.custom.label = filters.label("Filler")\n',
    // A library module in folders that hold no script of their own: plant and plant.lines are packages all the same.
    'ignition/script-python/plant/lines/filler/code.py': 'def rate():\n\treturn 5\n',
    'ignition/script-python/plant/lines/filler/resource.json': JSON.stringify({ scope: 'A', version: 1, files: ['code.py'], attributes: {} }),
    [`${P}/message/orders/resource.json`]: resource('handleMessage.py'),
    [`${P}/message/orders/handleMessage.py`]: [
      'def handleMessage(session, payload):',
      '\trows = system.db.runNamedQuery("Orders/ByLine", {"line": payload["line"], "column": "id"})',
      '\tsession.custom.count = rows.getRowCount()',
      // Jython drops the lone `!` and the space after it: this is `==`.
      '\tsession.custom.capper = False',
      '\tif payload["line"] ! == "Capper":',
      '\t\tsession.custom.capper = True',
      '\t"""',
      '\tsession.custom.never = True',
      '',
    ].join('\n'),
    // A named query of the parent that was not exported.
    [`${P}/message/shared/resource.json`]: resource('handleMessage.py'),
    [`${P}/message/shared/handleMessage.py`]: 'def handleMessage(session, payload):\n\tsession.custom.lines = system.db.runNamedQuery("Shared/Lines", {})\n',
    'ignition/named-query/Orders/ByLine/query.sql': "SELECT id, qty FROM orders WHERE line = '{line}' ORDER BY {column}",
    'ignition/named-query/Orders/ByLine/resource.json': JSON.stringify({
      scope: 'DG', version: 2, files: ['query.sql'],
      attributes: { type: 'Query', enabled: true, parameters: [{ type: 'QueryString', identifier: 'line' }, { type: 'QueryString', identifier: 'column' }] },
    }),
  });
}
