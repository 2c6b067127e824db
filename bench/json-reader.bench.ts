// The project reader's JSON parser (explicit stack, any depth) beside jsonc-parser's recursive parseTree, on a 3,000-component view.
import { parseTree } from 'jsonc-parser';
import { parseJsonTree } from '../shared/loaders/json-tree';

function median(run: () => void, times = 15): { median: number; best: number } {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(times / 2)], best: ms[0] };
}

export default async function (): Promise<void> {
  const button = (i: number) => ({
    type: 'ia.input.button', meta: { name: `B${i}` }, props: { text: `Button ${i}`, style: { classes: 'x', margin: '4px' } },
    events: { dom: { onClick: { type: 'script', config: { script: '\tsystem.tag.writeBlocking(["[default]A"], [1])\n\tself.props.text = u"caf\u00e9"' } } } },
  });
  const text = JSON.stringify({ root: { type: 'ia.container.flex', meta: { name: 'root' }, children: Array.from({ length: 3000 }, (_, i) => button(i)) } }, null, 2);
  console.log(`view.json of ${(text.length / 1e6).toFixed(2)} MB, 3000 components, median and best of 15 after a warm-up`);
  for (const [name, parse] of [['jsonc-parser parseTree', () => parseTree(text)], ['parseJsonTree (explicit stack)', () => parseJsonTree(text)]] as const) {
    median(parse, 3);
    const { median: m, best } = median(parse);
    console.log(`${name.padEnd(32)} median ${m.toFixed(1)} ms, best ${best.toFixed(1)} ms`);
  }
  const depth = 100_000;
  const deep = `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const { median: deepMs } = median(() => parseJsonTree(deep), 5);
  console.log(`parseJsonTree on a value nested ${depth} levels: median ${deepMs.toFixed(1)} ms (parseTree overflows the stack)`);
}
