// Views in the session runtime: opening a page with its views, and component message delivery in each scope.
import { createPyodideEngine } from '../shared/engine/pyodide';
import { createGateway } from '../shared/gateway/gateway';
import { discoverProjects } from '../shared/loaders/project';
import { EngineHost } from '../shared/runtime/engine-host';
import { projectSource } from '../shared/runtime/project-source';
import { Runtime } from '../shared/runtime/runtime';

const FOLDER = 'test/fixtures/project-81';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function figures(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (${samples.length} runs)`);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export default async function bench(): Promise<void> {
  const engine = await EngineHost.start(createPyodideEngine);
  const [project] = await discoverProjects(FOLDER);
  const source = await projectSource(project);
  const runtime = await Runtime.create({ source, engine, gateway: (now) => createGateway(source.fixtures, { baseDir: FOLDER, now, namedQueries: source.namedQueries }) });
  const open = async (session: string) => {
    await runtime.enqueue(session, async () => {
      await runtime.openPage(session, '/');
    });
    await runtime.settle();
  };

  // The first page loads the scripts of the views it shows; later pages reuse them.
  const first = await timed(() => open('s1'));
  console.log(`first page of the project (Overview + embedded Counter + Nav dock; view scripts loaded, onStartup run): ${first.toFixed(1)} ms`);
  const opens: number[] = [];
  for (let i = 0; i < 100; i++) opens.push(await timed(() => open('s1')));
  figures('another page /: 3 view instances, Page Startup and the view onStartup script', opens);

  // Scope "session" fan-out: one handler per open page (101 pages), each running a named query.
  const session = runtime.session('s1')!;
  const fanOut: number[] = [];
  for (let i = 0; i < 5; i++) {
    fanOut.push(await timed(async () => {
      await runtime.enqueue('s1', async () => {
        await runtime.performAction(session, { view: 'Overview', component: 'root/AddOrder', event: 'onActionPerformed', data: {} });
      });
      await runtime.settle();
    }));
  }
  const pages = session.openPages().length;
  const sorted = [...fanOut].sort((a, b) => a - b);
  console.log(`sendMessage scope "session" to ${pages} pages (each handler runs Orders/ByLine and writes props.data): median ${sorted[2].toFixed(0)} ms, ${(sorted[2] / pages).toFixed(2)} ms per delivery`);
  // Scope "view": a component event sends, a handler in the same view receives and writes a prop (the
  // table has rows since the fan-out above).
  const action = { view: 'Overview', component: 'root/AddOrder', event: 'onDoubleClick', data: {} };
  const click = async () => {
    await runtime.enqueue('s1', async () => {
      await runtime.performAction(session, action);
    });
    await runtime.settle();
  };
  for (let i = 0; i < 200; i++) await click();
  const round: number[] = [];
  for (let i = 0; i < 2000; i++) round.push(await timed(click));
  figures('component event → sendMessage scope "view" → onMessageReceived writing a prop (two script runs)', round);

  await runtime.dispose();
  await engine.dispose();
}
