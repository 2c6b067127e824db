import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, OriginMap } from '../../shared/source/origin';
import { MappedTextBuilder } from '../../shared/source/mapped-text';
import { wrapBody } from '../../shared/source/wrap';
import { decodePythonString } from '../../shared/source/python-string';

describe('origin maps', () => {
  it('counts lines and columns from 1, for \\n, \\r\\n and lone \\r endings', () => {
    const lines = new LineIndex('ab\r\ncd\ref\ngh');
    assert.deepEqual(lines.position(0), { line: 1, column: 1 });
    assert.deepEqual(lines.position(4), { line: 2, column: 1 });
    assert.deepEqual(lines.position(7), { line: 3, column: 1 });
    assert.deepEqual(lines.position(11), { line: 4, column: 2 });
  });

  it('finds the same line starts in a text with no carriage return as a character-by-character count does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t') }), (text) => {
        const counted = [0];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) counted.push(i + 1);
        }
        assert.deepEqual(new LineIndex(text).starts, counted);
        const noCr = text.replace(/\r/g, '');
        assert.deepEqual(new LineIndex(noCr).starts, [0, ...[...noCr].flatMap((c, i) => (c === '\n' ? [i + 1] : []))]);
      }),
    );
  });

  it('turns any offset into a position and back again', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', 'é') }), fc.nat(), (text, n) => {
        const lines = new LineIndex(text);
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        assert.equal(lines.offset(lines.position(offset)), offset);
      }),
    );
  });

  it('maps a slice of a file back to where it was cut from', () => {
    const file = '# title\n```python\nx = 1\n```\n';
    const map = OriginMap.slice('doc.md', new LineIndex(file), file.indexOf('x = 1'));
    assert.deepEqual(map.position(4), { line: 3, column: 5 });
  });

  it('maps decoded escapes to the escape that produced them', () => {
    const file = 's = "a\\tb\\u0041c"';
    const decoded = decodePythonString(file.slice(4), 4, 'f.py', new LineIndex(file))!;
    assert.equal(decoded.text, 'a\tbAc');
    assert.equal(decoded.origin.originOffset(1), file.indexOf('\\t'));
    assert.equal(decoded.origin.originOffset(3), file.indexOf('\\u0041'));
    assert.equal(decoded.origin.originOffset(4), file.indexOf('c"'));
  });

  it('keeps raw and triple-quoted strings one-for-one with the file', () => {
    const file = "x = r'''\\d+\nline'''";
    const decoded = decodePythonString(file.slice(4), 4, 'f.py', new LineIndex(file))!;
    assert.equal(decoded.text, '\\d+\nline');
    assert.deepEqual(decoded.origin.position(decoded.text.indexOf('line')), { line: 2, column: 1 });
  });

  it("copies a mapped text keeping every character's origin, whatever pieces the text was made of", () => {
    const piece = fc.oneof(
      fc.record({ kind: fc.constant('original' as const), text: fc.string({ minLength: 1, maxLength: 8 }), at: fc.nat(40) }),
      fc.record({ kind: fc.constant('synthetic' as const), text: fc.string({ minLength: 1, maxLength: 4 }), at: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (pieces, a, b, prefix) => {
        const from = new MappedTextBuilder('f.py', new LineIndex('x'.repeat(100)));
        for (const p of pieces) {
          if (p.kind === 'original') from.original(p.text, p.at);
          else from.synthetic(p.text, p.at);
        }
        const text = from.text();
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        const copy = new MappedTextBuilder('f.py', from.origin.original).synthetic(prefix, 7).mapped(text, from.origin, start, end);
        assert.equal(copy.text(), prefix + text.slice(start, end));
        for (let i = start; i < end; i++) assert.equal(copy.origin.originOffset(prefix.length + i - start), from.origin.originOffset(i));
      }),
    );
  });

  it('refuses to decode an f-string, whose value is only known at run time', () => {
    assert.equal(decodePythonString('f"{x}"', 0, 'f.py', new LineIndex('f"{x}"')), undefined);
  });
});

describe('wrapping a stored body', () => {
  const body = (text: string) => {
    const b = new MappedTextBuilder('data.bin', new LineIndex(text));
    b.original(text, 0);
    return { text: b.text(), origin: b.origin };
  };

  it('puts the gateway def line above a tab-indented body and keeps body positions', () => {
    const wrapped = wrapBody(body('\tx = 1\n\ty = 2'), { name: 'onStartup', params: ['session'] });
    assert.equal(wrapped.text, 'def onStartup(session):\n\tx = 1\n\ty = 2');
    assert.deepEqual(wrapped.origin.position(wrapped.text.indexOf('y')), { line: 2, column: 2 });
  });

  it('indents a body stored without indentation, so that it compiles', () => {
    const wrapped = wrapBody(body('x = 1\nif x:\n\tpass'), { name: 'runAction', params: ['self', 'event'] });
    assert.equal(wrapped.text, 'def runAction(self, event):\n\tx = 1\n\tif x:\n\t\tpass');
    assert.deepEqual(wrapped.origin.position(wrapped.text.indexOf('if')), { line: 2, column: 1 });
  });

  it('turns the designer\'s empty "\\t" body into pass', () => {
    const wrapped = wrapBody(body('\t'), { name: 'onShutdown', params: ['session'] });
    assert.equal(wrapped.text, 'def onShutdown(session):\n\t\n\tpass\n');
  });
});
