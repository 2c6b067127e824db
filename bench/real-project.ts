// A generated project the size of a real export (about 100 files, 5,000 lines of script in view.json strings,
// 8.3 event files, library code, Gateway Events), and the same scripts as plain .py files for other linters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverProjects } from '../shared/loaders/project';

const P = 'com.inductiveautomation.perspective';
const RESOURCE = (file: string) => JSON.stringify({ scope: 'G', version: 1, restricted: false, overridable: true, files: [file], attributes: {} }, null, 2);

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A component event body (stored without its def, tab-indented, as the Designer writes it). */
function componentBody(n: number): string {
  return [
    `\tline = self.view.params.line or "Line${n % 7}"`,
    '\trows = system.db.runNamedQuery("Orders/ByLine", {"line": line})',
    '\ttotal = 0',
    '\tfor row in system.dataset.toPyDataSet(rows):',
    '\t\tif row["qty"] > 0:',
    '\t\t\ttotal += row["qty"]',
    '\tself.view.custom.total = total',
    `\tself.getSibling("Label${n}").props.text = "%s: %d" % (line, total)`,
    '\tsystem.perspective.sendMessage("orders-changed", payload={"line": line}, scope="page")',
  ].join('\n');
}

function transformBody(n: number): string {
  return [
    '\tif value is None:',
    '\t\treturn "-"',
    `\treturn "%.${n % 3}f %s" % (float(value), self.view.params.unit or "")`,
  ].join('\n');
}

function handlerBody(): string {
  return [
    '\tline = payload.get("line")',
    '\tif line == self.view.params.line:',
    '\t\tself.refreshBinding("props.data")',
    '\t\tself.view.custom.lastChange = system.date.now()',
  ].join('\n');
}

function libraryModule(n: number): string {
  const out = [`"""Helpers of area ${n}."""`, 'import math', ''];
  for (let f = 0; f < 6; f++) {
    out.push(
      `def summarize${f}(rows, key="qty"):`,
      '\ttotals = {}',
      '\tfor row in rows:',
      '\t\tline = row.get("line", "unknown")',
      '\t\ttotals[line] = totals.get(line, 0) + row.get(key, 0)',
      '\tbest = max(totals.values()) if totals else 0',
      `\treturn {"totals": totals, "best": best, "log": math.log(best + ${f + 1})}`,
      '',
    );
  }
  return out.join('\n');
}

/** Writes the project under `root` (a data/projects-like folder) and returns the project's folder. */
export function writeRealSizedProject(root: string, views = 70): string {
  const project = join(root, 'Plant');
  write(project, 'project.json', JSON.stringify({ title: 'Plant', parent: '', enabled: true }));
  for (let v = 0; v < views; v++) {
    const children = Array.from({ length: 4 }, (_, c) => ({
      type: 'ia.input.button', meta: { name: `Button${c}` },
      events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: componentBody(v * 4 + c) } } } },
    }));
    const root = {
      type: 'ia.container.flex', meta: { name: 'root' }, children,
      scripts: { messageHandlers: [{ messageType: 'orders-changed', pageScope: true, sessionScope: false, viewScope: false, script: handlerBody() }] },
      propConfig: { 'props.text': { binding: { type: 'property', config: { path: 'view.custom.total' }, transforms: [{ type: 'script', code: transformBody(v) }] } } },
    };
    write(project, `${P}/views/Area${v}/view.json`, JSON.stringify({ custom: {}, params: { line: '', unit: '' }, props: {}, root }, null, 2));
    write(project, `${P}/views/Area${v}/resource.json`, RESOURCE('view.json'));
  }
  for (let m = 0; m < 15; m++) {
    write(project, `ignition/script-python/plant/area${m}/code.py`, libraryModule(m));
    write(project, `ignition/script-python/plant/area${m}/resource.json`, RESOURCE('code.py'));
  }
  write(project, `${P}/startup/onStartup.py`, 'def onStartup(session):\n\tsession.custom.line = "Line1"\n\tsession.custom.started = system.date.now()\n');
  write(project, `${P}/startup/resource.json`, RESOURCE('onStartup.py'));
  write(project, `${P}/page-startup/onPageStartup.py`, 'def onPageStartup(page):\n\tpage.session.custom.pages = (page.session.custom.pages or 0) + 1\n');
  write(project, `${P}/page-startup/resource.json`, RESOURCE('onPageStartup.py'));
  for (let t = 0; t < 10; t++) {
    write(project, `ignition/timer/Poll${t}/handleTimerEvent.py`, `def handleTimerEvent():\n\tvalues = system.tag.readBlocking(["[default]Line${t}/Count"])\n\tif values[0].quality.isGood():\n\t\tsystem.tag.writeBlocking(["[default]Line${t}/Last"], [values[0].value])\n`);
    write(project, `ignition/timer/Poll${t}/resource.json`, RESOURCE('handleTimerEvent.py'));
  }
  write(project, 'ignition/named-query/Orders/ByLine/query.sql', 'SELECT line, qty FROM orders WHERE line = :line');
  write(project, 'ignition/named-query/Orders/ByLine/resource.json', JSON.stringify({ scope: 'DG', version: 2, files: ['query.sql'], attributes: { type: 'Query', parameters: [{ type: 'Parameter', identifier: 'line', sqlType: 7 }] } }));
  return project;
}

/**
 * The project's scripts as the gateway compiles them (stored bodies in their def), one .py file per file of the
 * project, for linters that read only Python files. Returns the number of files and of lines written.
 */
export async function writeScriptsAsPython(project: string, out: string): Promise<{ files: number; lines: number }> {
  const [loaded] = await discoverProjects(project);
  const byFile = new Map<string, string[]>();
  for (const script of loaded.scripts) byFile.set(script.origin.file, [...(byFile.get(script.origin.file) ?? []), script.text]);
  let lines = 0;
  let n = 0;
  for (const texts of byFile.values()) {
    const text = texts.join('\n\n');
    lines += text.split('\n').length;
    writeFileSync(join(out, `script${n++}.py`), text);
  }
  return { files: n, lines };
}
