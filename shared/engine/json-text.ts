// JSON text at any depth, for the trace and for values crossing to an engine: JSON.stringify recurses and overflows
// near 5,000 levels, this walks a work list.
export interface JsonTextOptions {
  /** Spaces per level, as JSON.stringify's third argument; none for one line. */
  indent?: number;
  /** Stop once the text is this long (the caller cuts it): a one-line summary need not write a 50 MB value. */
  limit?: number;
  /** Applied to every value before it is written, as JSON.stringify's replacer function (without the key). */
  replace?: (value: unknown) => unknown;
  /** Values this many levels down are written on one line, without spaces: deep data stays readable and small. */
  flatFrom?: number;
}

/** JSON.stringify's output for a trace value, also for values nested deeper than the JavaScript stack allows. */
export function jsonText(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return writeJson(value, { indent });
  }
}

type Frame = { items: Array<[string | undefined, unknown]>; next: number; close: string; depth: number };

/** JSON text written from a work list; the same text as JSON.stringify for plain data, up to `limit` characters. */
export function writeJson(value: unknown, { indent = 0, limit = Infinity, replace, flatFrom = Infinity }: JsonTextOptions = {}): string {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const newline = (depth: number) => (indent > 0 && depth < flatFrom ? `\n${' '.repeat(indent * depth)}` : '');
  /** A container closes on its own line only when its items were on lines of their own. */
  const closing = (depth: number) => (depth + 1 < flatFrom ? newline(depth) : '');
  const stack: Frame[] = [];
  /** Writes a scalar, or opens a container and returns it to be filled. */
  const open = (raw: unknown, depth: number): void => {
    const v = prepare(raw, replace);
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      stack.push({ items: v.map((item) => [undefined, item]), next: 0, close: `${closing(depth)}]`, depth: depth + 1 });
    } else if (v !== null && typeof v === 'object') {
      const items = Object.entries(v).filter(([, item]) => writable(prepare(item, replace)));
      if (items.length === 0) return emit('{}');
      emit('{');
      stack.push({ items, next: 0, close: `${closing(depth)}}`, depth: depth + 1 });
    } else {
      emit(writable(v) ? JSON.stringify(v) : 'null');
    }
  };
  open(value, 0);
  while (stack.length > 0 && length < limit) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.items.length) {
      emit(frame.close);
      stack.pop();
      continue;
    }
    const [key, item] = frame.items[frame.next];
    emit(`${frame.next > 0 ? ',' : ''}${newline(frame.depth)}${key === undefined ? '' : `${JSON.stringify(key)}:${indent > 0 && frame.depth < flatFrom ? ' ' : ''}`}`);
    frame.next++;
    open(item, frame.depth);
  }
  return parts.join('');
}

/** What JSON.stringify writes for a value: its toJSON(), through the replacer. */
function prepare(value: unknown, replace: ((value: unknown) => unknown) | undefined): unknown {
  const own = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON: () => unknown }).toJSON()
    : value;
  return replace ? replace(own) : own;
}

/** Object properties holding these are left out by JSON.stringify; in arrays they become null. */
function writable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
