// Writes Ignition's binary object serialization (a gzipped data.bin) from an element tree, for hand-made fixtures
// and round-trip tests of shared/loaders/ignition-serialization.ts.
import { gzipSync } from 'node:zlib';
import type { SerialElement } from '../../shared/loaders/ignition-serialization';

/** The 16-byte header every data.bin of real 8.1 and 8.3 exports starts with. */
const MAGIC = [0x98, 0x29, 0x8f, 0xaa, 0x43, 0xf7, 0x4a, 0x4f, 0xb2, 0x8d, 0xca, 0x3c, 0x48, 0x96, 0xaf, 0xc9];

/** Attributes written as class names and as lists; all others are plain strings. */
const CLASS_ATTRIBUTES = new Set(['cls']);
const LIST_ATTRIBUTES = new Set(['s']);

export function encodeSerialized(root: SerialElement, options: { gzip?: boolean } = {}): Buffer {
  const strings = new Map<string, number>();
  const id = (s: string): number => {
    let n = strings.get(s);
    if (n === undefined) {
      n = strings.size;
      strings.set(s, n);
    }
    return n;
  };
  const body: number[] = [];
  const int = (v: number) => body.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  const element = (e: SerialElement): void => {
    if (e.name === 'ref') {
      body.push(0x01);
      int(Number(e.text));
      return;
    }
    const [prefix, local] = e.name.includes('-') ? e.name.split('-', 2) : [undefined, e.name];
    const attrs = Object.entries(e.attrs).filter(([k]) => k !== 'id');
    const content = e.name === 'str' || e.name === 'lng' ? e.text : undefined;
    const op = (prefix ? 0x02 : 0) | (e.id !== undefined ? 0x04 : 0) | (attrs.length ? 0x08 : 0) | (e.children.length ? 0x10 : 0) | (content !== undefined ? 0x20 : 0);
    body.push(op);
    if (prefix) int(id(prefix));
    int(id(local));
    if (e.id !== undefined) int(e.id);
    if (attrs.length) {
      body.push(attrs.length);
      for (const [k, v] of attrs) {
        int(id(k));
        if (LIST_ATTRIBUTES.has(k)) {
          const [count, ...items] = v.split(';');
          body.push(0x0a, Number(count));
          for (const item of items) int(id(item));
        } else {
          body.push(CLASS_ATTRIBUTES.has(k) ? 0x09 : 0x08);
          int(id(v));
        }
      }
    }
    if (content !== undefined) {
      if (e.name === 'str') {
        int(4);
        int(id(content));
      } else {
        int(9);
        body.push(0xff);
        const big = BigInt(content);
        for (let shift = 56n; shift >= 0n; shift -= 8n) body.push(Number((big >> shift) & 0xffn));
      }
    }
    if (e.children.length) {
      int(e.children.length);
      e.children.forEach(element);
    }
  };
  element(root);
  const head: number[] = [...MAGIC, 0, 0, 0, 2, 0, 0, 0x01, 0x90, 0, 0, 0, 0];
  while (head.length < 0x30) head.push(0);
  const table: number[] = [];
  const tint = (v: number) => table.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  tint(strings.size);
  for (const [s, n] of strings) {
    const bytes = Buffer.from(s, 'utf8');
    tint(n);
    if (bytes.length < 0x10000) {
      table.push(0, (bytes.length >>> 8) & 0xff, bytes.length & 0xff);
    } else {
      table.push(1);
      tint(bytes.length);
    }
    table.push(...bytes);
  }
  const raw = Buffer.from([...head, ...table, ...body]);
  return options.gzip === false ? raw : gzipSync(raw);
}
