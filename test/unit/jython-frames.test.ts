// The framing between Node and the Jython engine's JVM: frames survive any split, and bytes that cannot be a
// frame are refused with a clear error instead of being half-read.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeFrame, FrameError, FrameReader, maxFrameBytes } from '../../shared/engine/jython/frames';

/** Cuts a buffer at the given offsets (sorted, deduplicated), as a socket might deliver it. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    parts.push(bytes.subarray(from, point));
    from = point;
  }
  return parts;
}

describe("the Jython engine's framing", () => {
  it('reads back every frame, in order, however the bytes are split', () => {
    const frame = fc.record({ op: fc.stringMatching(/^[a-z]{1,8}$/), id: fc.nat(), body: fc.string({ unit: 'grapheme' }) });
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (frames, splits) => {
        const bytes = Buffer.concat(frames.map((f) => encodeFrame(f.op, f.id, f.body)));
        const reader = new FrameReader();
        const read = cut(bytes, splits).flatMap((chunk) => reader.push(chunk));
        assert.deepEqual(read, frames.map((f) => ({ ...f })));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a frame that is not UTF-8', () => {
    const bytes = Buffer.from([0, 0, 0, 9, ...Buffer.from('host 0\n'), 0xff, 0xfe]);
    assert.throws(() => new FrameReader().push(bytes), (error: Error) => error instanceof FrameError && /not UTF-8/.test(error.message));
  });

  it('refuses a frame without an operation, and one announced larger than the limit before reading it', () => {
    const body = Buffer.from('{"value": 1}');
    const headless = Buffer.concat([Buffer.from([0, 0, 0, body.length]), body]);
    assert.throws(() => new FrameReader().push(headless), /without an operation/);
    const huge = Buffer.alloc(4);
    huge.writeUInt32BE(maxFrameBytes + 1);
    assert.throws(() => new FrameReader().push(huge), /over the \d+-byte limit/);
  });
});
