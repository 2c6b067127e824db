import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidUtf8 } from '../../shared/source/utf8';

describe('strict UTF-8 decoding', () => {
  it('takes well-formed UTF-8, BOM included, and gives its text', () => {
    const bytes = Buffer.from('\ufeffdef f():\n\treturn "é€😀"\n', 'utf8');
    assert.deepEqual(decodeUtf8(bytes), { ok: true, text: '\ufeffdef f():\n\treturn "é€😀"\n' });
  });

  it('names the first bad byte of overlong forms, surrogates and code points past U+10FFFF, by line and column', () => {
    for (const [bad, at] of [[[0xc0, 0xaf], 0], [[0xe0, 0x80, 0xaf], 0], [[0xed, 0xa0, 0x80], 0], [[0xf4, 0x90, 0x80, 0x80], 0], [[0xff], 0]] as const) {
      const bytes = Uint8Array.from([...Buffer.from('x = 1\nab'), ...bad, 0x0a]);
      const read = decodeUtf8(bytes);
      assert.equal(read.ok, false);
      if (!read.ok) assert.deepEqual({ line: read.bad.line, column: read.bad.column, offset: read.bad.offset }, { line: 2, column: 3, offset: 8 + at });
    }
  });

  it('decides as the byte-by-byte check does on any bytes, and decodes exactly the well-formed ones', () => {
    const utf8Pieces = fc.oneof(fc.string().map((s) => [...Buffer.from(s, 'utf8')]), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(utf8Pieces, { maxLength: 8 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        const read = decodeUtf8(bytes);
        const bad = firstInvalidUtf8(bytes);
        assert.equal(read.ok, bad === -1);
        if (read.ok) assert.deepEqual(Buffer.from(read.text, 'utf8'), Buffer.from(bytes));
        else assert.equal(read.bad.offset, bad);
      }),
      { numRuns: 2000 },
    );
  });
});
