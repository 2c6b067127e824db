import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { loadBundle } from '../bin/load-bundle.mjs';
const session = new Session(); session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const b = loadBundle(new URL('../dist/cli-lint.cjs', import.meta.url).pathname);
const running = setInterval(() => {}, 1 << 30);
await b.exports.runCli(process.argv.slice(2));
clearInterval(running);
const { profile } = await session.post('HeapProfiler.stopSampling');
const self = new Map(); let total = 0;
const incl = new Map();
(function walk(n, stack) {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`;
  total += n.selfSize; self.set(k, (self.get(k) ?? 0) + n.selfSize);
  const s2 = [...stack, k];
  for (const x of new Set(s2)) incl.set(x, (incl.get(x) ?? 0) + n.selfSize);
  for (const c of n.children) walk(c, s2);
})(profile.head, []);
process.stderr.write(`total ${(total / 1e6).toFixed(1)} MB\n`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stderr.write(`${(v / 1e6).toFixed(2).padStart(7)} ${k}\n`);
process.stderr.write('--- inclusive\n');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stderr.write(`${(v / 1e6).toFixed(2).padStart(7)} ${k}\n`);
const want = (process.env.CALLERS ?? 'next,values,push,exec').split(',');
const callers = new Map();
(function walk(n, stack) {
  const name = n.callFrame.functionName;
  if (want.includes(name) && n.selfSize > 0) { const k = name + ' < ' + stack.slice(-3).reverse().join(' < '); callers.set(k, (callers.get(k) ?? 0) + n.selfSize); }
  const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  for (const c of n.children) walk(c, [...stack, k]);
})(profile.head, []);
process.stderr.write('--- callers\n');
for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stderr.write(`${(v / 1e6).toFixed(2).padStart(7)} ${k}\n`);
