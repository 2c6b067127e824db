// Load time of a large generated project (500 views, 200 scripts) and the named query round trip on SQLite.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultFixtures } from '../shared/gateway-config/fixtures';
import { createGateway } from '../shared/gateway/gateway';
import { discoverProjects } from '../shared/loaders/project';

const VIEWS = 500;
const LIBRARY_SCRIPTS = 100;
const MESSAGE_HANDLERS = 100;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A view with a few components, a component event, a message handler and a transform, like a typical HMI screen. */
function viewJson(i: number): string {
  const button = (n: number) => ({
    type: 'ia.input.button',
    meta: { name: `Button${n}` },
    props: { text: `Start ${i}.${n}` },
    events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: `\tsystem.tag.writeBlocking(["[default]Line${i}/Start"], [True])\n\tself.view.custom.count \u003d self.view.custom.count + ${n}` } } } },
  });
  return JSON.stringify({
    custom: { count: 0 },
    params: { area: '' },
    props: {},
    root: {
      type: 'ia.container.flex',
      meta: { name: 'root' },
      children: [
        button(1), button(2), button(3),
        {
          type: 'ia.display.label',
          meta: { name: 'Status' },
          propConfig: { 'props.text': { binding: { type: 'property', config: { path: 'view.custom.count' }, transforms: [{ type: 'script', code: '\treturn "%d started" % value' }] } } },
          scripts: { messageHandlers: [{ messageType: 'refresh', pageScope: true, sessionScope: false, viewScope: false, script: '\tself.props.text \u003d payload.get("text", "")' }], customMethods: [], extensionFunctions: null },
        },
      ],
    },
  }, null, 2).replace(/=/g, '\\u003d');
}

function generate(root: string): void {
  const resource = (file: string) => JSON.stringify({ scope: 'G', version: 1, files: [file], attributes: { lastModification: { actor: 'bench', timestamp: '2026-01-01T00:00:00Z' } } }, null, 2);
  write(root, 'project.json', '{"title": "Generated", "parent": "", "enabled": true}');
  for (let i = 0; i < VIEWS; i++) {
    const folder = `com.inductiveautomation.perspective/views/Area${i % 20}/Screen${i}`;
    write(root, `${folder}/view.json`, viewJson(i));
    write(root, `${folder}/resource.json`, resource('view.json'));
  }
  for (let i = 0; i < LIBRARY_SCRIPTS; i++) {
    write(root, `ignition/script-python/lib${i % 10}/mod${i}/code.py`, `def run${i}(x):\n\treturn x * ${i}\n`);
    write(root, `ignition/script-python/lib${i % 10}/mod${i}/resource.json`, resource('code.py'));
  }
  const handlers = Array.from({ length: MESSAGE_HANDLERS }, (_, i) => ({ name: `handler${i}`, enabled: true, script: `\tsession.custom.value${i} \\u003d payload.get("v")\n` }));
  write(root, 'com.inductiveautomation.perspective/session-scripts/data.bin', JSON.stringify({ onStartup: '\tpass\n', onShutdown: '\t', messageHandlers: handlers }, null, 2));
  write(root, 'com.inductiveautomation.perspective/page-config/config.json', JSON.stringify({
    pages: Object.fromEntries(Array.from({ length: 20 }, (_, a) => [`/area${a}/:area`, { viewPath: `Area${a}/Screen${a}` }])),
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-bench-'));
  try {
    const root = join(dir, 'Generated');
    generate(root);
    await discoverProjects(root);
    const loads: number[] = [];
    let scripts = 0;
    for (let run = 0; run < 10; run++) {
      const t0 = performance.now();
      const [project] = await discoverProjects(root);
      loads.push(performance.now() - t0);
      scripts = project.scripts.length;
    }
    loads.sort((a, b) => a - b);
    console.log(`discoverProjects, ${VIEWS} views + ${LIBRARY_SCRIPTS + MESSAGE_HANDLERS + 2} session/library scripts (${scripts} scripts in all): best ${loads[0].toFixed(1)} ms, median ${percentile(loads, 0.5).toFixed(1)} ms, worst ${loads[loads.length - 1].toFixed(1)} ms over ${loads.length} runs (goal <= 300 ms)`);

    const fixtures = {
      ...defaultFixtures(),
      database: {
        schema: 'CREATE TABLE orders (id INTEGER PRIMARY KEY, line TEXT, qty INTEGER); CREATE INDEX orders_line ON orders (line)',
        rows: { orders: Array.from({ length: 1000 }, (_, i) => ({ line: `Line${i % 10}`, qty: i })) },
      },
      namedQueries: { 'Orders/ByLine': { type: 'Query' as const, sql: 'SELECT id, qty FROM orders WHERE line = :line AND qty > :min ORDER BY id LIMIT 10', parameters: { line: 'String', min: 'Int4' } } },
    };
    const gateway = await createGateway(fixtures, { baseDir: dir, now: () => 0 });
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t0 = performance.now();
      gateway.database.runNamedQuery('Orders/ByLine', { line: `Line${i % 10}`, min: i % 500 });
      times.push(performance.now() - t0);
    }
    await gateway.close();
    times.sort((a, b) => a - b);
    console.log(`runNamedQuery on SQLite (10 rows of 1000, 2 typed parameters): p50 ${(percentile(times, 0.5) * 1000).toFixed(0)} µs, p99 ${(percentile(times, 0.99) * 1000).toFixed(0)} µs over ${times.length} calls (goal p50 <= 0.5 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
