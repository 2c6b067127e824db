// Reads Ignition's object serialization (the `data.bin` of Gateway Events, alarm pipelines and reports): the
// gzipped binary form 8.1 and 8.3 write, and the XML text form, into one element tree.
//
// The XML form is `<objects><o cls="…ScriptConfig"><o-c m="setTimerScripts" s="1;java.util.Map">…</o-c></o>`:
// `o` is an object of class `cls`, `o-c` a call of method `m` on it with the arguments as children, `str`, `lng`,
// `int`... values, `ref` a back-reference to an element given an `id` earlier. The binary form holds the same tree:
// a string table, then elements whose first byte says what follows (facts read from real exports, see
// docs/architecture.md). Anything this reader does not understand stops it with the byte offset, never a guess.
import { zlib } from '../lazy-node';

export interface SerialElement {
  /** `objects`, `o`, `o-c`, `str`, `lng`, `arraylist`, `ref`... */
  name: string;
  attrs: Record<string, string>;
  /** The value of a leaf whose content the reader knows (`str`, `lng`, `int`, `bool`), as text. */
  text?: string;
  children: SerialElement[];
  /** The number a later `ref` uses for this element. */
  id?: number;
}

export type Decoded = { root: SerialElement } | { error: string };

/** Elements deeper than this are not an object graph a Designer writes. */
const MAX_DEPTH = 256;

export function decodeSerialized(bytes: Uint8Array): Decoded {
  let data: Uint8Array;
  try {
    data = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib().gunzipSync(bytes) : bytes;
  } catch (error) {
    return { error: `the gzip data is damaged (${(error as Error).message})` };
  }
  const text = new TextDecoder().decode(data.subarray(0, 64)).trimStart();
  if (text.startsWith('<')) return decodeXml(new TextDecoder().decode(data));
  try {
    return { root: new BinaryReader(data).read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The element a `ref` points to, or the element itself. */
export function resolveRef(element: SerialElement, ids: ReadonlyMap<number, SerialElement>): SerialElement {
  if (element.name !== 'ref') return element;
  const target = ids.get(Number(element.text));
  return target ?? element;
}

/** Every element with an `id`, for `resolveRef`. */
export function indexIds(root: SerialElement): Map<number, SerialElement> {
  const ids = new Map<number, SerialElement>();
  const stack = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.id !== undefined) ids.set(element.id, element);
    stack.push(...element.children);
  }
  return ids;
}

/** The argument lists of the calls of `method` on an object element (`<o-c m="method">` children). */
export function callsOf(object: SerialElement, method: string): SerialElement[][] {
  return object.children.filter((c) => c.name === 'o-c' && c.attrs.m === method).map((c) => c.children);
}

const MAGIC = [0x98, 0x29, 0x8f, 0xaa];
/** After the 16-byte magic: a version and a timestamp, then zeros up to the string table. */
const STRING_TABLE_OFFSET = 0x30;

class BinaryReader {
  private offset = STRING_TABLE_OFFSET;
  private readonly strings = new Map<number, string>();
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  read(): SerialElement {
    if (this.data.length < STRING_TABLE_OFFSET + 4 || MAGIC.some((b, i) => this.data[i] !== b)) {
      throw new Error('it is neither XML nor the binary form Ignition writes (unknown header)');
    }
    const count = this.int();
    for (let i = 0; i < count; i++) {
      const id = this.int();
      const kind = this.byte();
      // Strings up to 64 KiB carry a two-byte length, longer ones (scripts, base64 images) a four-byte one.
      const length = kind === 0 ? this.u16() : kind === 1 ? this.int() : this.fail(`a string of unknown kind ${kind}`);
      this.strings.set(id, this.utf8(length));
    }
    return this.element(0);
  }

  private element(depth: number): SerialElement {
    if (depth > MAX_DEPTH) this.fail('elements nested deeper than any Designer writes');
    const at = this.offset;
    const op = this.byte();
    // 0x01: a back-reference; otherwise flags: 0x02 prefix, 0x04 id, 0x08 attributes, 0x10 children, 0x20 content.
    if (op === 0x01) return { name: 'ref', attrs: {}, text: String(this.int()), children: [] };
    if ((op & ~0x3e) !== 0) this.fail(`an element of unknown kind 0x${op.toString(16)}`, at);
    const prefix = op & 0x02 ? this.string() : undefined;
    const local = this.string();
    const element: SerialElement = { name: prefix ? `${prefix}-${local}` : local, attrs: {}, children: [] };
    if (op & 0x04) element.id = this.int();
    if (op & 0x08) {
      const n = this.byte();
      for (let i = 0; i < n; i++) {
        const key = this.string();
        element.attrs[key] = this.attribute();
      }
    }
    if (op & 0x20) {
      const length = this.int();
      const end = this.offset + length;
      if (length < 0 || end > this.data.length) this.fail('content longer than the file');
      const text = this.content(element.name, length);
      if (text !== undefined) element.text = text;
      this.offset = end;
    }
    if (op & 0x10) {
      const n = this.int();
      if (n < 0 || n > this.data.length) this.fail(`a child count of ${n}`);
      for (let i = 0; i < n; i++) element.children.push(this.element(depth + 1));
    }
    return element;
  }

  /** An attribute value: a string (0x08), a class name (0x09), a list such as a signature (0x0a), an int (0x02). */
  private attribute(): string {
    const at = this.offset;
    const type = this.byte();
    switch (type) {
      case 0x08:
      case 0x09:
        return this.string();
      case 0x0a: {
        const n = this.byte();
        const parts = [String(n)];
        for (let i = 0; i < n; i++) parts.push(this.string());
        return parts.join(';');
      }
      case 0x02:
        this.byte();
        return String(this.int());
      default:
        return this.fail(`an attribute value of unknown type 0x${type.toString(16)}`, at);
    }
  }

  /** A leaf's content when the leaf is one whose encoding is known; anything else is skipped by its length. */
  private content(name: string, length: number): string | undefined {
    if (name === 'str' && length === 4) return this.string();
    if (name === 'lng' && length === 9) return String(this.view.getBigInt64(this.offset + 1));
    if (name === 'int' && length === 5) return String(this.view.getInt32(this.offset + 1));
    return undefined;
  }

  private string(): string {
    const id = this.int();
    const s = this.strings.get(id);
    return s ?? this.fail(`a reference to string ${id}, which the string table does not hold`);
  }

  private utf8(length: number): string {
    if (length < 0 || this.offset + length > this.data.length) this.fail('a string longer than the file');
    const s = new TextDecoder().decode(this.data.subarray(this.offset, this.offset + length));
    this.offset += length;
    return s;
  }

  private byte(): number {
    if (this.offset >= this.data.length) this.fail('the data ends early');
    return this.data[this.offset++];
  }

  private u16(): number {
    if (this.offset + 2 > this.data.length) this.fail('the data ends early');
    const v = this.view.getUint16(this.offset);
    this.offset += 2;
    return v;
  }

  private int(): number {
    if (this.offset + 4 > this.data.length) this.fail('the data ends early');
    const v = this.view.getInt32(this.offset);
    this.offset += 4;
    return v;
  }

  private fail(what: string, at = this.offset): never {
    throw new Error(`cannot read byte ${at} of the decompressed data: ${what}`);
  }
}

/** The XML form: elements, attributes, text and the five entities; no DTD, no namespaces beyond the names. */
function decodeXml(xml: string): Decoded {
  const stack: SerialElement[] = [{ name: '#document', attrs: {}, children: [] }];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/y;
  const attr = /([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    const text = xml.slice(i, textEnd);
    if (text.trim() !== '') {
      const top = stack[stack.length - 1];
      top.text = (top.text ?? '') + unescapeXml(text);
    }
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) return { error: `cannot read the XML at character ${lt}` };
    i = tag.lastIndex;
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      const closed = stack.pop();
      if (!closed || closed.name !== m[2] || stack.length === 0) return { error: `the XML closes <${m[2]}> at character ${lt}, which is not open` };
      continue;
    }
    if (stack.length > MAX_DEPTH) return { error: 'elements nested deeper than any Designer writes' };
    const element: SerialElement = { name: m[2], attrs: {}, children: [] };
    for (const a of m[3].matchAll(attr)) element.attrs[a[1]] = unescapeXml(a[2] ?? a[3] ?? '');
    if (element.attrs.id !== undefined && /^\d+$/.test(element.attrs.id)) element.id = Number(element.attrs.id);
    stack[stack.length - 1].children.push(element);
    if (m[4] !== '/') stack.push(element);
  }
  if (stack.length !== 1) return { error: `the XML ends inside <${stack[stack.length - 1].name}>` };
  const root = stack[0].children[0];
  return root ? { root } : { error: 'the XML holds no element' };
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}
