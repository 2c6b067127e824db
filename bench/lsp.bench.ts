// The language server as an editor meets it, over stdio: edit-to-diagnostics and completion latency on a 2,000-line
// file, memory and activation-to-first-diagnostics with a 500-view project open, and a warm CodeLens Run.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../test/support/lsp-client';

const ROOT = join(import.meta.dirname, '..');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const summary = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))} (n=${values.length})`;

/** A realistic module of session-script helpers, `lines` long. */
function pythonModule(lines: number): string {
  const out: string[] = ['import plant.util', ''];
  for (let n = 0; out.length < lines; n++) {
    out.push(
      `def refresh${n}(session, payload):`,
      '\t"""Reloads the open orders of one line into the session."""',
      '\tlogger = system.util.getLogger("Orders")',
      `\tline = payload.get("line", "Filler${n % 4}")`,
      '\ttry:',
      '\t\trows = system.db.runNamedQuery("Orders/Count", {"line": line})',
      '\t\tsession.custom.orderCount = rows',
      '\texcept Exception, e:',
      '\t\tlogger.warn("refresh %s failed: %s" % (line, e))',
      '\tif session.props.auth.user.roles and "Supervisor" in session.props.auth.user.roles:',
      `\t\tsystem.perspective.sendMessage("ordersChanged", {"line": line}, scope="session")`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** An 8.1 project of `count` views, each with an event script, a message handler and a transform. */
function project(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'periscope-bench-project-'));
  writeFileSync(join(root, 'project.json'), '{"title": "Bench", "parent": "", "enabled": true}');
  const perspective = join(root, 'com.inductiveautomation.perspective');
  mkdirSync(join(perspective, 'session-scripts'), { recursive: true });
  writeFileSync(join(perspective, 'session-scripts', 'data.bin'), JSON.stringify({
    onStartup: '\tsession.custom.line = "Filler"\n',
    messageHandlers: [{ name: 'refreshOrders', enabled: true, script: '\tline = payload.get("line", session.custom.line)\n\tsession.custom.orderCount = system.db.runNamedQuery("Orders/Count", {"line": line})\n' }],
  }, null, 2));
  for (let i = 0; i < count; i++) {
    const folder = join(perspective, 'views', `Area${i % 20}`, `View${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'view.json'), JSON.stringify({
      custom: { selected: '' }, params: {}, props: {},
      root: {
        type: 'ia.container.flex', meta: { name: 'root' },
        children: [{
          type: 'ia.input.button', meta: { name: 'Refresh' },
          events: { component: { onActionPerformed: { type: 'script', config: { script: `\tsystem.util.sendMessage("Bench", "refreshOrders", {"line": "Filler"}, scope="S")\n\tself.view.custom.selected \u003d "${i}"` } } } },
          propConfig: { 'props.text': { binding: { type: 'property', config: { path: 'view.custom.selected' }, transforms: [{ type: 'script', code: '\treturn "Line %s" % value' }] } } },
        }],
        scripts: { messageHandlers: [{ messageType: 'ordersChanged', pageScope: true, sessionScope: false, viewScope: false, script: `\tself.view.custom.selected = payload.get("line", "")\n\tsystem.perspective.print("view ${i} refreshed")` }] },
      },
    }, null, 2));
  }
  return root;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function editAndComplete(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'periscope-bench-file-'));
  const file = join(folder, 'orders.py');
  const text = pythonModule(2000);
  writeFileSync(file, text);
  const client = await LspClient.start({ folders: [folder] });
  try {
    const uri = await client.open(file, text, 'python');
    await client.diagnosticsOf(uri);
    const line = 1000;
    const edits: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const version = await client.change(uri, { range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: i % 2 === 0 ? 'x' : '' });
      await client.diagnosticsOf(uri, () => true, version);
      edits.push(performance.now() - started);
    }
    console.log(`didChange → publishDiagnostics, 2,000-line file, one edit at a time: ${summary(edits)}`);
    const at = { line: 1005, character: '\t\trows = system.'.length };
    const completions: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await client.request('textDocument/completion', { textDocument: { uri }, position: at });
      completions.push(performance.now() - started);
    }
    console.log(`completion after "system." in the same file: ${summary(completions)}`);
  } finally {
    await client.stop();
  }
}

async function largeProject(views: number): Promise<void> {
  const root = project(views);
  const viewFile = join(root, 'com.inductiveautomation.perspective', 'views', 'Area3', 'View3', 'view.json');
  const started = performance.now();
  const client = await LspClient.start({ folders: [root] }, false);
  try {
    const uri = await client.open(viewFile, readFileSync(viewFile, 'utf8'));
    await client.diagnosticsOf(uri);
    console.log(`${views} views: start to first diagnostics of an open view: ${ms(performance.now() - started)}`);
    await client.indexed();
    console.log(`${views} views: start to index built: ${ms(performance.now() - started)}`);
    console.log(`${views} views: server memory (RSS) with the project open: ${rssMb(client.process.pid!).toFixed(0)} MB`);
  } finally {
    await client.stop();
  }
}

/** Runs on the engine `engine` picks (`auto` takes Jython where Java and a jar are found, as in a trusted VS Code). */
async function warmRun(engine: 'pyodide' | 'auto'): Promise<void> {
  const root = join(ROOT, 'examples', 'seed');
  const client = await LspClient.start({ folders: [root], settings: { engine } });
  try {
    const uri = await client.open(join(root, 'session-scripts.md'));
    await client.diagnosticsOf(uri);
    const run = () => client.request<{ trace: string[] }>('periscope/run', { uri, target: { kind: 'session-message', messageType: 'refreshData' }, payload: { type: 'tags', paths: ['[default]Line1/Speed'] } });
    const coldStart = performance.now();
    const first = await run();
    const name = /engine (\w+)/.exec(first.trace[0])?.[1] ?? engine;
    console.log(`Run of a message handler on ${name}, first (engine starting or just started): ${ms(performance.now() - coldStart)}`);
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await run();
      runs.push(performance.now() - started);
    }
    console.log(`Run of a message handler on ${name} to its report, engine warm: ${summary(runs)}`);
  } finally {
    await client.stop();
  }
}

export default async function bench(): Promise<void> {
  await editAndComplete();
  await largeProject(500);
  await largeProject(10_000);
  await warmRun('pyodide');
  await warmRun('auto');
}
