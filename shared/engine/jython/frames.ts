// The framing between Node and the Jython engine's JVM: a 4-byte big-endian length, then UTF-8 "<op> <id>\n<body>".

/** Larger frames are refused: no script's data legitimately comes near it, and a broken peer must not exhaust memory. */
export const maxFrameBytes = 64 * 1024 * 1024;

export interface Frame {
  op: string;
  id: number;
  body: string;
}

/** The peer sent something that is not a frame; the channel cannot be trusted after it. */
export class FrameError extends Error {}

export function encodeFrame(op: string, id: number, body: string): Buffer {
  const text = Buffer.from(`${op} ${id}\n${body}`, 'utf8');
  if (text.length > maxFrameBytes) throw new FrameError(`a ${op} message of ${text.length} bytes is larger than the ${maxFrameBytes}-byte limit`);
  const frame = Buffer.allocUnsafe(4 + text.length);
  frame.writeUInt32BE(text.length, 0);
  text.copy(frame, 4);
  return frame;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reassembles frames from chunks as the socket delivers them, however they are split. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds a chunk and returns the frames it completes; throws FrameError on bytes that cannot be a frame. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.buffered < 4) return frames;
      const head = this.take(4, false);
      const length = head.readUInt32BE(0);
      if (length > maxFrameBytes) throw new FrameError(`the engine announced a ${length}-byte message, over the ${maxFrameBytes}-byte limit`);
      if (this.buffered < 4 + length) return frames;
      this.take(4, true);
      frames.push(parseFrame(this.take(length, true)));
    }
  }

  /** The first `n` buffered bytes, consumed or not. */
  private take(n: number, consume: boolean): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [all];
    const out = all.subarray(0, n);
    if (consume) {
      this.chunks = n < all.length ? [all.subarray(n)] : [];
      this.buffered -= n;
    }
    return out;
  }
}

function parseFrame(bytes: Buffer): Frame {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new FrameError(`the engine sent a message that is not UTF-8 (${bytes.length} bytes)`);
  }
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  const match = /^([a-z]+) (\d+)$/.exec(head);
  if (!match) throw new FrameError(`the engine sent a message without an operation: ${JSON.stringify(head.slice(0, 80))}`);
  return { op: match[1], id: Number(match[2]), body: newline < 0 ? '' : text.slice(newline + 1) };
}
