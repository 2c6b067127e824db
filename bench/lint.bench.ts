// Linter throughput on a generated 100,000-line corpus of Jython session scripts, beside pyflakes and pylint, and re-lint time after an edit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from '../shared/lint/linter';
import { Edit, type Tree } from 'web-tree-sitter';
import { OpenPythonFile } from '../shared/lint/incremental';
import { lintInPool, poolSize } from '../shared/lint/pool';
import { pythonFileScript } from '../shared/lint/text-scripts';
import { external, seconds, timeCommand, type Timing } from './command-timing';

const CORPUS_LINES = 100_000;
const ROOT = join(import.meta.dirname, '..');

/** A small deterministic generator (mulberry32), so every run lints the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One function of a session script; `py2` chooses Python 2 only syntax (print statement, `except E, e`). */
function scriptFunction(n: number, rnd: () => number, py2: boolean): string {
  const area = ['Filler', 'Capper', 'Labeler', 'Palletizer'][Math.floor(rnd() * 4)];
  const except = py2 ? 'except Exception, e:' : 'except Exception as e:';
  const log = py2 ? `print "refresh %s failed: %s" % (line, e)` : `logger.warn("refresh %s failed: %s" % (line, e))`;
  switch (n % 4) {
    case 0:
      return `def refresh${n}(session, payload):
	"""Reloads the open orders of one line into the session."""
	logger = system.util.getLogger("Orders")
	line = payload.get("line", "${area}")
	try:
		rows = system.db.runNamedQuery("Orders/Open", {"line": line})
		session.custom.orders = [dict(id=r["id"], qty=r["qty"]) for r in system.dataset.toPyDataSet(rows)]
	${except}
		${log}
	return len(session.custom.orders)
`;
    case 1:
      return `def readLine${n}(paths):
	values = system.tag.readBlocking(paths)
	result = {}
	for path, qv in zip(paths, values):
		if qv.quality.isGood():
			result[path] = qv.value
		else:
			result[path] = None
	total = sum(v for v in result.values() if v is not None)
	return {"values": result, "total": total, "when": system.date.now()}
`;
    case 2:
      return `def onPage${n}(page):
	path = page.props.path
	roles = page.session.props.auth.user.roles or []
	if path == "/admin" and "Administrator" not in roles:
		system.perspective.navigate(page="/unauthorized")
	page.session.custom.pageViews = page.session.custom.pageViews + 1
	user = page.session.props.auth.user.userName
	system.util.audit(action="PAGE", actionTarget=path, actionValue=str(user))
`;
    default:
      return `def alarms${n}(session, priority=2):
	events = system.alarm.queryStatus(priority=[priority], state=["ActiveUnacked"])
	out = []
	for event in events:
		out.append({"name": event.getName(), "source": str(event.getSource())})
	session.custom.alarmCount = len(out)
	if len(out) > 10:
		system.util.sendMessage(system.util.getProjectName(), "tooManyAlarms", {"count": len(out)}, scope="S")
	return out
`;
  }
}

interface Corpus {
  dir: string;
  lines: number;
  /** The Python-3-compatible files (every other file), for pyflakes and pylint. */
  py3Dir: string;
  py3Lines: number;
}

function generateCorpus(): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-lint-bench-'));
  const all = join(dir, 'all');
  const py3Dir = join(dir, 'py3');
  mkdirSync(all);
  mkdirSync(py3Dir);
  const rnd = random(42);
  let lines = 0;
  let py3Lines = 0;
  for (let file = 0; lines < CORPUS_LINES; file++) {
    const py2 = file % 2 === 0;
    let text = `# Session scripts for area ${file}.\n`;
    for (let f = 0; text.split('\n').length < 200; f++) text += '\n' + scriptFunction(file * 100 + f, rnd, py2);
    const count = text.split('\n').length - 1;
    lines += count;
    writeFileSync(join(all, `scripts${file}.py`), text);
    if (!py2) {
      writeFileSync(join(py3Dir, `scripts${file}.py`), text);
      py3Lines += count;
    }
  }
  return { dir, lines, py3Dir, py3Lines };
}

function rate(lines: number, t: Timing): string {
  const perSecond = (s: number) => Math.round(lines / s).toLocaleString('en-US');
  return `${perSecond(t.cpu)} lines/CPU-s (${t.cpu.toFixed(2)} CPU-s); wall ${perSecond(t.wall)} lines/s (${t.wall.toFixed(2)} s)`;
}

function warm(linter: Linter, folder: string): Timing {
  const files = readdirSync(folder).map((f) => join(folder, f));
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
  let best: Timing = { wall: Infinity, cpu: Infinity };
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const [file, text] of texts) linter.lintScripts([pythonFileScript(file, text)]);
    const used = process.cpuUsage(cpu);
    const t = { wall: seconds(start), cpu: (used.user + used.system) / 1e6 };
    if (t.cpu < best.cpu) best = t;
  }
  return best;
}

/** Median and 90th percentile of some milliseconds. */
function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${sorted[sorted.length >> 1].toFixed(2)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(2)} ms`;
}

/** tree-sitter's description of replacing `[start, oldEnd)` of `before` by what now ends at `newEnd` in `after`. */
function editOf(before: string, after: string, start: number, oldEnd: number, newEnd: number): Edit {
  const point = (text: string, offset: number) => {
    const row = text.slice(0, offset).split('\n').length - 1;
    return { row, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
  };
  return new Edit({
    startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd,
    startPosition: point(before, start), oldEndPosition: point(before, oldEnd), newEndPosition: point(after, newEnd),
  });
}

/** Linting a folder's files on the main thread (warm) and `size - 1` workers (started cold); CPU is the whole process's. */
async function pooledTiming(linter: Linter, folder: string, size: number): Promise<Timing> {
  const files = readdirSync(folder).map((f) => join(folder, f)).map((file) => ({ file, text: readFileSync(file, 'utf8'), options: {} }));
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await lintInPool(files, size, (i) => linter.lintScripts([pythonFileScript(files[i].file, files[i].text)]));
  const used = process.cpuUsage(cpu);
  return { wall: seconds(start), cpu: (used.user + used.system) / 1e6 };
}

/** The parse every lint starts with, alone: the bound on the linter's throughput. */
function parseOnly(linter: Linter, folder: string): Timing {
  const texts = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
  let best: Timing = { wall: Infinity, cpu: Infinity };
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const text of texts) linter.parse(pythonFileScript('parsed.py', text)).tree.delete();
    const used = process.cpuUsage(cpu);
    const t = { wall: seconds(start), cpu: (used.user + used.system) / 1e6 };
    if (t.cpu < best.cpu) best = t;
  }
  return best;
}

export default async function bench(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const corpus = generateCorpus();
  try {
    console.log(`corpus: ${corpus.lines.toLocaleString('en-US')} lines in ${readdirSync(join(corpus.dir, 'all')).length} files; Python-3-compatible slice: ${corpus.py3Lines.toLocaleString('en-US')} lines`);
    const cli = join(ROOT, 'bin/periscope.cjs');
    if (!existsSync(join(ROOT, 'dist/cli.mjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const cold = (dir: string, ...options: string[]) => timeCommand(process.execPath, [cli, 'lint', '--format', 'json', ...options, dir]);
    console.log(`periscope lint, cold (whole CLI process), full corpus: ${rate(corpus.lines, cold(join(corpus.dir, 'all')))}`);
    console.log(`periscope lint --jobs 1 (main thread only), cold, full corpus: ${rate(corpus.lines, cold(join(corpus.dir, 'all'), '--jobs', '1'))}`);
    console.log(`periscope lint, cold (whole CLI process), py3 slice: ${rate(corpus.py3Lines, cold(corpus.py3Dir))}`);

    const linter = await Linter.create();
    console.log(`periscope library, warm, full corpus: ${rate(corpus.lines, warm(linter, join(corpus.dir, 'all')))}`);
    const size = poolSize();
    console.log(`periscope library, pool of ${size} threads (this one, warm, and ${size - 1} worker${size === 2 ? '' : 's'} started cold), full corpus: ${rate(corpus.lines, await pooledTiming(linter, join(corpus.dir, 'all'), size))}`);
    console.log(`periscope library, warm, py3 slice: ${rate(corpus.py3Lines, warm(linter, corpus.py3Dir))}`);
    console.log(`tree-sitter parse alone (wasm, warm), full corpus: ${rate(corpus.lines, parseOnly(linter, join(corpus.dir, 'all')))}`);

    const pyflakes = external('pyflakes3');
    console.log(`pyflakes3, py3 slice: ${pyflakes === 'pyflakes3' ? rate(corpus.py3Lines, timeCommand('pyflakes3', [corpus.py3Dir])) : pyflakes}`);
    // pylint is given the files (a folder without __init__.py is not a package to it), with its default checks.
    const pylint = external('pylint');
    const py3Files = readdirSync(corpus.py3Dir).map((f) => join(corpus.py3Dir, f));
    console.log(`pylint, py3 slice: ${pylint === 'pylint' ? rate(corpus.py3Lines, timeCommand('pylint', ['--jobs=1', '--score=n', ...py3Files])) : pylint}`);

    // Re-lint after a one-line edit: the language server's per-keystroke cost.
    const rnd = random(7);
    let text = '';
    for (let f = 0; text.split('\n').length < 2000; f++) text += scriptFunction(f, rnd, true) + '\n';
    const open = new OpenPythonFile(linter, 'edited.py', text);
    open.lint();
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const timed = () => {
      const t = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      open.lint();
      const used = process.cpuUsage(cpu);
      times.push(seconds(t) * 1000);
      cpuTimes.push((used.user + used.system) / 1000);
    };
    for (let i = 0; i < 25; i++) {
      const found = open.content.indexOf('session.custom.alarmCount', (i * 2711) % open.content.length);
      const pos = (found === -1 ? open.content.indexOf('session.custom.alarmCount') : found) + 'session.'.length;
      open.change({ start: pos, end: pos + 'custom'.length, text: 'auth' });
      timed();
      open.change({ start: pos, end: pos + 'auth'.length, text: 'custom' });
      timed();
    }
    const lines = open.content.split('\n').length - 1;
    console.log(`re-lint of a ${lines}-line file after a one-line edit (incremental parse, touched statements only): wall ${percentiles(times)}; CPU ${percentiles(cpuTimes)}`);
    // What bounds it: tree-sitter's incremental parse of the same edits, measured alone.
    const parseTimes: number[] = [];
    const reparse = (script: string, old: Tree) => {
      const t = process.hrtime.bigint();
      const tree = linter.parse(pythonFileScript('parsed.py', script), old).tree;
      parseTimes.push(seconds(t) * 1000);
      return tree;
    };
    let tree = linter.parse(pythonFileScript('parsed.py', text)).tree;
    let current = text;
    let pos = 0;
    for (let i = 0; i < 50; i++) {
      if (i % 2 === 0) pos = current.indexOf('session.custom.alarmCount', ((i >> 1) * 2711) % current.length) + 'session.'.length;
      if (pos < 'session.'.length) pos = current.indexOf('session.custom.alarmCount') + 'session.'.length;
      const [from, to] = i % 2 === 0 ? ['custom', 'auth'] : ['auth', 'custom'];
      const next = current.slice(0, pos) + to + current.slice(pos + from.length);
      tree.edit(editOf(current, next, pos, pos + from.length, pos + to.length));
      const fresh = reparse(next, tree);
      tree.delete();
      tree = fresh;
      current = next;
    }
    tree.delete();
    console.log(`incremental parse alone, same edits: wall ${percentiles(parseTimes)}`);
    const fullTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = process.hrtime.bigint();
      linter.lintScripts([pythonFileScript('edited.py', open.content)]);
      fullTimes.push(seconds(t) * 1000);
    }
    console.log(`full lint of the same file (parse from scratch, every statement): wall ${percentiles(fullTimes)}`);
    open.close();
    linter.dispose();
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}
