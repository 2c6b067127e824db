// Lowering Python-3-only forms to Jython 2.7: each becomes what Python 2.7 writes for it, on the same line, and each
// is still reported as a divergence; forms with no Python 2.7 equivalent are left as written, marked unlowered.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerToJython } from '../../shared/jython/lower';
import { LineIndex } from '../../shared/source/origin';

async function lowered(source: string): Promise<string> {
  return (await lowerToJython(source)).code;
}

describe('lowering Python 3 forms for the Jython engine', () => {
  describe('f-strings', () => {
    it('join their literal pieces and formatted fields, each expression where it was written', async () => {
      assert.equal(await lowered('f"hi {name}!"\n'), `''.join(("hi ", format(name, ""), "!"))\n`);
    });

    it('keep conversions, format specs and nested fields in a spec', async () => {
      assert.equal(
        await lowered("f'{x!r:>{w}} {y:.2f}'\n"),
        `''.join(('', format(repr(x), '>' + format(w, '') + ''), ' ', format(y, '.2f'), ''))\n`,
      );
    });

    it('turn doubled braces into braces and show the expression of a {x=} field', async () => {
      assert.equal(await lowered('f"{{a}} {x=}"\n'), `''.join(("{a} ", "x=", format(repr(x), ""), ""))\n`);
    });

    it('keep triple quotes and raw strings as written', async () => {
      assert.equal(await lowered('rf"""\\d{n}"""\n'), `''.join((r"""\\d""", format(n, r""""""), r""""""))\n`);
    });

    it('are added to the literals they are juxtaposed with, in parentheses', async () => {
      assert.equal(await lowered('x = "a" f"{b}" "c"\n'), `x = ("a" + ''.join(("", format(b, ""), "")) + "c")\n`);
    });
  });

  describe('definitions', () => {
    it('lose their annotations; an annotation alone becomes pass', async () => {
      assert.equal(await lowered('def f(a: int, b: str = "x") -> str:\n    y: int = 1\n    z: int\n'), 'def f(a, b = "x") :\n    y = 1\n    pass\n');
    });

    it('lose keyword-only and positional-only markers with their commas', async () => {
      assert.equal(await lowered('def f(a, /, b, *, c=1):\n    pass\ndef g(a, *):\n    pass\n'), 'def f(a,  b,  c=1):\n    pass\ndef g(a):\n    pass\n');
    });
  });

  describe('statements and literals', () => {
    it('drop the cause of raise ... from, loop a yield from, remove digit separators', async () => {
      assert.equal(await lowered('raise ValueError(x) from e\nyield from items\nn = 1_000_000\n'), 'raise ValueError(x)\nfor _periscope_item in items: yield _periscope_item\nn = 1000000\n');
    });

    it("call Python 2.7's print function for print(..., end=...)", async () => {
      assert.equal(await lowered('print(a, end="")\n'), `__import__('__builtin__').__dict__['print'](a, end="")\n`);
    });

    it('unpack starred targets through a helper, the star removed and the counts around it given', async () => {
      assert.equal(await lowered('a, *b = items\nfor x, *y, z in rows: pass\n'), [
        `a, b = __import__('_periscope_lenient').starred((items), 1, 0)`,
        `for x, y, z in __import__('_periscope_lenient').starred_each((rows), 1, 1): pass`,
        '',
      ].join('\n'));
    });

    it('join unpacking literals from their parts, a plain element as a 1-tuple or a 1-item dict', async () => {
      assert.equal(await lowered('x = [0, *a]\ny = {**d, "k": v}\n'), [
        `x = __import__('_periscope_lenient').list_of((0,), a)`,
        `y = __import__('_periscope_lenient').dict_of(d, {"k": v})`,
        '',
      ].join('\n'));
    });

    it('hand a metaclass keyword to a helper that builds the class with it, and call a helper for @', async () => {
      assert.equal(await lowered('class A(B, metaclass=M): pass\nm = a @ b\n'), [
        `class A(__import__('_periscope_lenient').bases(B, metaclass=M)): pass`,
        `m = __import__('_periscope_lenient').matmul(a , b)`,
        '',
      ].join('\n'));
    });

    it('leave forms with no Python 2.7 equivalent as written, and still report them', async () => {
      const source = 'if (n := len(a)) > 3:\n    pass\nnonlocal x\n';
      const translation = await lowerToJython(source);
      assert.equal(translation.code, source);
      assert.deepEqual(translation.py3Only.map((u) => u.message.slice(0, u.message.indexOf(';'))), ['walrus operator (:=)', 'nonlocal statement']);
      assert.deepEqual(translation.py3Only.map((u) => u.unlowered?.slice(0, u.unlowered.indexOf(','))), ['walrus operator (:=) has no Jython 2.7 equivalent', 'nonlocal statement has no Jython 2.7 equivalent']);
    });

    it('marks nothing as unlowered when it lowers every form, or when asked not to rewrite', async () => {
      assert.ok((await lowerToJython('x: int = f"{a}"\n')).py3Only.every((u) => !u.unlowered));
      assert.ok((await lowerToJython('nonlocal x\n', { rewrite: false })).py3Only.every((u) => !u.unlowered));
    });
  });

  it("knows Jython's own words for an f-string on one line, at its opening quote, and claims none for one over lines", async () => {
    const [one, lines] = (await lowerToJython('x = Rf"{a}"\ny = f"""{b}\n"""\n', { rewrite: false })).py3Only;
    assert.deepEqual(one.compiler, { offset: 6, message: `no viable alternative at input '"{a}"'` });
    assert.equal(lines.compiler, undefined);
  });

  it('leaves the text as written when asked not to rewrite (strict mode), reporting every form', async () => {
    const source = 'def f(a: int) -> str:\n    return f"{a}"\n';
    const translation = await lowerToJython(source, { rewrite: false });
    assert.equal(translation.code, source);
    assert.equal(translation.py3Only.length, 3);
  });

  it('keeps every line where it was and maps every name back to where it was written', async () => {
    const line = fc.oneof(
      fc.constantFrom('x = f"{a} and {b!r:>4}"', 'def f(p: int, *, q=1) -> int: return p', 'y: int = 2', 'n = 10_000', 'print(a, end="")', 'z = "s" f"{c}" "t"', 'plain = a + b',
        'a, *b = c', 'for a, *b in c: pass', 'x = [a, *b, {**c}]', 'm = a @ b @ c', 'class K(a, metaclass=b): pass'),
      fc.constant('raise E(a) from b'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
        const source = lines.join('\n') + '\n';
        const translation = await lowerToJython(source, { file: 'prop.py' });
        assert.equal(translation.code.split('\n').length, source.split('\n').length);
        const output = new LineIndex(translation.code);
        const input = new LineIndex(source);
        for (const match of translation.code.matchAll(/\b[abc]\b/g)) {
          const back = translation.map.originOffset(match.index);
          assert.equal(source[back], match[0], `${match[0]} at ${match.index} maps back to a ${match[0]}`);
          assert.equal(input.position(back).line, output.position(match.index).line);
        }
      }),
      { numRuns: 100 },
    );
  });
});
