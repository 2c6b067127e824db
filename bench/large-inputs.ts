// Generates the very large inputs the runtime and linter must stay usable on: a 67 MB view of 150 000 components
// and a 100 000-step scenario. `node --import tsx bench/large-inputs.ts <folder>` writes them for profiling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const perspective = 'com.inductiveautomation.perspective';
const resource = (files: string[]) => JSON.stringify({ scope: 'G', version: 1, restricted: false, overridable: true, files, attributes: {} }, null, 2);

/** One label or button, about 450 bytes as the designer exports it (indented); one in `scriptEvery` has an event script. */
function component(row: number, column: number, scriptEvery: number): object {
  const scripted = column % scriptEvery === 0;
  return {
    type: scripted ? 'ia.input.button' : 'ia.display.label',
    version: 0,
    meta: { name: `Cell_${row}_${column}` },
    position: { basis: '32px' },
    props: { text: `${row}:${column}`, style: { classes: row % 2 ? 'odd-row cell' : 'even-row cell' } },
    custom: { row, column },
    ...(scripted
      ? { events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: '\tself.custom.status = "clicked"\n\tself.view.custom.clicks = (self.view.custom.clicks or 0) + 1' } } } } }
      : {}),
  };
}

/**
 * A project whose one page shows a view of `rows` × `columns` components in row containers, one in `scriptEvery`
 * a button with an event script.
 */
export function writeLargeViewProject(root: string, { rows = 300, columns = 500, scriptEvery = 100, name = 'large-view' } = {}): { project: string; view: string } {
  const project = join(root, name);
  const viewDir = join(project, perspective, 'views', 'Grid');
  mkdirSync(viewDir, { recursive: true });
  mkdirSync(join(project, perspective, 'page-config'), { recursive: true });
  writeFileSync(join(project, 'project.json'), JSON.stringify({ title: 'Large view', enabled: true, inheritable: false, parent: '' }));
  writeFileSync(join(project, perspective, 'page-config', 'config.json'), JSON.stringify({ pages: { '/': { title: 'Grid', viewPath: 'Grid' } } }));
  writeFileSync(join(project, perspective, 'page-config', 'resource.json'), resource(['config.json']));
  const children = Array.from({ length: rows }, (_, row) => ({
    type: 'ia.container.flex',
    version: 0,
    meta: { name: `Row_${row}` },
    position: { basis: '34px' },
    props: { direction: 'row', style: { classes: 'grid-row' } },
    children: Array.from({ length: columns }, (_, column) => component(row, column, scriptEvery)),
  }));
  const view = {
    custom: { colour: '#ffffff', clicks: 0 },
    // The view's own onStartup runs when the page opens, so the view's scripts are in play from the start.
    events: { system: { onStartup: { type: 'script', scope: 'G', config: { script: '\tself.custom.clicks = 0' } } } },
    params: {},
    props: { defaultSize: { width: 1920, height: 1080 } },
    root: { type: 'ia.container.flex', version: 0, meta: { name: 'root' }, props: { direction: 'column' }, children },
  };
  const file = join(viewDir, 'view.json');
  writeFileSync(file, JSON.stringify(view, null, 2));
  writeFileSync(join(viewDir, 'resource.json'), resource(['view.json']));
  return { project, view: file };
}

/** A document with two handlers, and a scenario of `steps` steps cycling through every kind that needs no page view. */
export function writeLongScenario(root: string, steps = 100_000): { document: string; scenario: string } {
  const folder = join(root, 'long-scenario');
  mkdirSync(folder, { recursive: true });
  const document = join(folder, 'scripts.md');
  writeFileSync(document, [
    '# Long scenario', '', '```python',
    'def configure_message_handlers():',
    '    return {"count": {"handler": "onCount", "script": """',
    'def onCount(session, payload):',
    '    session.custom.count = payload["n"]',
    '"""}}',
    '```', '',
  ].join('\n'));
  const cycle = (i: number): object[] => [
    { write: { 'custom.last': i } },
    { expect: { 'custom.last': i } },
    { advance: 1 },
    { activity: true },
    { message: 'count', payload: { n: i } },
    { expect: { 'custom.count': i } },
    { key: 'Enter' },
    { write: { 'props.theme': i % 2 ? 'dark' : 'light' } },
    { expect: { 'props.theme': i % 2 ? 'dark' : 'light' } },
    { expect_trace: { kind: 'message', name: 'count' } },
  ];
  const all: object[] = [{ open: '/' }];
  for (let i = 0; all.length < steps; i++) all.push(...cycle(i));
  const scenario = join(folder, 'scenario.json');
  writeFileSync(scenario, JSON.stringify({ source: 'scripts.md', steps: all.slice(0, steps) }));
  return { document, scenario };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'large-inputs';
  console.log(writeLargeViewProject(root), writeLargeViewProject(root, { scriptEvery: 1, name: 'scripted-view' }), writeLongScenario(root));
}
