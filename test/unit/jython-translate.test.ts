// The Jython translator: each Python 2 construct becomes the Python 3 that means the same, on the same line.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../shared/source/origin';
import { translate, type Translation } from '../../shared/jython/translate';

async function code(source: string): Promise<string> {
  return (await translate(source)).code;
}

describe('Jython translator', () => {
  describe('Python 2 statements', () => {
    it('prints item by item, each written before the next is evaluated, then the newline', async () => {
      assert.equal(await code('print "a", b\n'), '_p2_print_item(None,  "a"); _p2_print_item(None,  b); _p2_print_end(None)\n');
    });

    it('leaves the newline out after a trailing comma (Python 2 keeps a space pending)', async () => {
      assert.equal(await code('print x,\n'), '_p2_print_item(None,  x)\n');
    });

    it('prints to the stream after >>', async () => {
      assert.equal(await code('print >>sys.stderr, "oops"\n'), '_p2_print_item(sys.stderr,  "oops"); _p2_print_end(sys.stderr)\n');
    });

    it('prints an empty line for a bare print', async () => {
      assert.equal(await code('print\n'), '_p2_print_end(None)\n');
    });

    it('prints a tuple for print(a, b), as Python 2 does', async () => {
      assert.equal(await code('print("a", "b")\n'), '_p2_print_item(None, ("a", "b")); _p2_print_end(None)\n');
    });

    it('reads a statement starting with print as the print statement, also where the grammar sees an expression', async () => {
      assert.equal(await code('print (n), "items"\n'), '_p2_print_item(None,  (n)); _p2_print_item(None,  "items"); _p2_print_end(None)\n');
      assert.equal(await code('print `n`, "items",\n'), '_p2_print_item(None,  repr(n)); _p2_print_item(None,  "items")\n');
      assert.equal(await code('print [x], -1\n'), '_p2_print_item(None,  [x]); _p2_print_item(None,  -1); _p2_print_end(None)\n');
    });

    it('orders unrelated types as Python 2 does, also along a chain, evaluating each operand once', async () => {
      assert.equal(await code('if speed > 100: pass\n'), 'if _p2_gt(speed , 100): pass\n');
      assert.equal(await code('ok = 0 <= x < 10\n'), 'ok = (_p2_le(0 , (_p2t1 :=  x )) and _p2_lt(_p2t1,  10))\n');
    });

    it('leaves print calls alone under from __future__ import print_function', async () => {
      const source = 'from __future__ import print_function\nprint("a", "b", sep="-")\n';
      assert.equal(await code(source), source);
    });

    it('binds the exception of except E, e, and keeps it bound after the handler as Python 2 does', async () => {
      assert.equal(
        await code('try:\n  f()\nexcept (KeyError, ValueError), e:\n  pass\n'),
        'try:\n  f()\nexcept (KeyError, ValueError) as _p2e:\n  e = _p2_handled(_p2e); pass\n',
      );
      assert.equal(
        await code('try:\n  f()\nexcept KeyError:\n  if x: y()\n'),
        'try:\n  f()\nexcept KeyError as _p2e:\n  if (_p2_handled(_p2e), x)[1]: y()\n',
      );
    });

    it("lets a list comprehension's variable leak into the enclosing scope, as Python 2 does", async () => {
      assert.equal(await code('squares = [n * n for n in range(5)]\n'), 'squares = [n * n for _p2c1 in range(5) if (n := _p2c1,)]\n');
    });

    it('turns the exec statement into a call', async () => {
      assert.equal(await code('exec source in scope\n'), 'exec( source , scope)\n');
    });

    it('builds the exception of raise E, message', async () => {
      assert.equal(await code('raise ValueError, "bad"\n'), 'raise _p2_raise(ValueError, "bad")\n');
    });
  });

  describe('Python 2 expressions', () => {
    it('turns backticks into repr, ignoring backticks in strings and comments', async () => {
      assert.equal(await code('s = `x` + "`"  # `no`\n'), 's = repr(x) + "`"  # `no`\n');
    });

    it('spells <> as !=', async () => {
      assert.equal(await code('if a <> b: pass\n'), 'if a != b: pass\n');
    });

    it('reads 0777 as octal and makes long literals longs', async () => {
      assert.equal(await code('x = 0777 + 10L + 0 + 3000000000\n'), 'x = 0o777 + _p2_L(10) + 0 + _p2_L(3000000000)\n');
    });

    it('makes unicode literals unicode, ur strings included, and byte strings with their UTF-8 bytes', async () => {
      assert.equal(await code('p = ur"\\d+"\n'), 'p = _p2_u(r"\\d+")\n');
      assert.equal(await code('s = "café" + b"x"\n'), 's = _p2_b("café") + "x"\n');
    });

    it("makes dict and set displays Jython's dict and set, in the order written", async () => {
      assert.equal(await code('d = {"b": 1}\ns = {1, 2}\n'), 'd = _p2_d({"b": 1})\ns = _p2_s([1, 2])\n');
    });

    it('floors / through a helper, nested divisions included', async () => {
      assert.equal(await code('x = a / b / c\n'), 'x = _p2_div(_p2_div(a , b) , c)\n');
    });

    it('floors /= through the same helper', async () => {
      assert.equal(await code('total /= n\n'), 'total = _p2_div(total, n)\n');
    });

    it('keeps true division under from __future__ import division', async () => {
      const source = 'from __future__ import division\nx = a / b\n';
      assert.equal(await code(source), source);
    });

    it('routes dict methods with Python 2 meanings through _p2', async () => {
      assert.equal(await code('if d.has_key(k): first = d.keys()[0]\n'), 'if _p2(d).has_key(k): first = _p2(d).keys()[0]\n');
      assert.equal(await code('for k, v in self.custom.iteritems(): pass\n'), 'for k, v in _p2(self.custom).iteritems(): pass\n');
    });

    it("reads .message through a helper: an exception's Python 2 message, or the object's own attribute", async () => {
      assert.equal(
        await code('try:\n  f()\nexcept ValueError, e:\n  log(e.message, msg.message)\n  msg.message = 1\n'),
        'try:\n  f()\nexcept ValueError as _p2e:\n  e = _p2_handled(_p2e); log(_p2_message(e), _p2_message(msg))\n  msg.message = 1\n',
      );
    });

    it('does not touch attributes that are not called', async () => {
      assert.equal(await code('f = d.keys\n'), 'f = d.keys\n');
    });
  });

  describe('indentation', () => {
    it('expands tabs to multiples of 8 when a file mixes tabs and spaces', async () => {
      assert.equal(await code('if a:\n\tif b:\n\t    x = 1\n'), 'if a:\n        if b:\n            x = 1\n');
    });

    it('leaves consistent tab indentation and string contents alone', async () => {
      const tabs = 'if a:\n\tx = 1\n';
      assert.equal(await code(tabs), tabs);
      const mixed = 's = """\n\tkeep\n"""\nif a:\n  x = 1\n';
      assert.equal(await code(mixed), mixed);
    });
  });

  describe('Python-3-only syntax', () => {
    const cases: Array<[string, string]> = [
      ['x = f"{a}"\n', 'f-string'],
      ['def f(a: int): pass\n', 'parameter annotation'],
      ['def f(a) -> int: pass\n', 'return annotation'],
      ['x: int = 1\n', 'variable annotation'],
      ['def f():\n  nonlocal x\n', 'nonlocal'],
      ['async def f(): pass\n', 'async def'],
      ['if (n := 1): pass\n', 'walrus operator (:=)'],
      ['def f(a, *, b): pass\n', 'keyword-only'],
      ['def f():\n  yield from g()\n', 'yield from'],
      ['a, *rest = items\n', 'starred assignment'],
      ['raise ValueError("x") from e\n', 'raise ... from'],
      ['print("a", end="")\n', 'print(..., end=...)'],
      ['class A(Base, metaclass=M): pass\n', 'class keyword argument'],
      ['c = a @ b\n', 'matrix operator @'],
      ['both = [*a, b]\n', 'unpacking inside a list literal'],
      ['merged = {**a}\n', 'unpacking inside a dictionary literal'],
    ];
    for (const [source, name] of cases) {
      it(`reports ${name} at its line`, async () => {
        const found = (await translate(source)).py3Only;
        assert.equal(found.length, 1, JSON.stringify(found));
        assert.match(found[0].message, new RegExp(name.replace(/[.*()+]/g, '\\$&')));
        assert.ok(found[0].offset < source.length);
      });
    }

    it('reports nothing for Python 2 code', async () => {
      assert.deepEqual((await translate('print "x"\nd = {k: v for k, v in items}\nf(*args, **kwargs)\nclass A(B): pass\n')).py3Only, []);
    });
  });

  describe('positions', () => {
    it('maps a column after an edit back to the column the user wrote', async () => {
      const source = 'x = a / b + undefined_name\n';
      const t = await translate(source);
      const out = t.code.indexOf('undefined_name');
      assert.equal(t.map.originOffset(out), source.indexOf('undefined_name'));
    });

    const snippets = [
      'print "a", x', 'print >>f, x,', 'print', 'x = a / b', 'x /= 2', 'y = `x`', 'if a <> b: pass',
      'n = 0777 + 5L', 's = ur"x"', 'exec c in g', 'raise E, "m"', 'k = d.keys()[0]', 'ok = d.has_key(k)',
      'try:\n\tpass\nexcept E, e:\n\tpass', 'def f(a, b):\n    return a / b', 's = """\nprint "in string"\n"""',
      'z = f"{x}"', 'w = (a /\n     b)', '# print "comment"', 'x = "é" + `ü`',
      'd = {"a": [1, {2, 3}]}', 'ok = lo < x <= hi', 'sq = [n * n for n in xs if n]', 'print [x], -1',
      'try:\n    f()\nexcept:\n    if x: pass', 's = u"a" "b" % (c, d)', 'p = 2 ** 40 << 3', 'def g((a, b), **kw):\n    return kw',
      'class C:\n    k = [i for i in r]', 'e = {k: v for k, v in items}', 'n = 10L + 4000000000',
    ];
    const program = fc.array(fc.constantFrom(...snippets), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('\n') + '\n');

    function check(source: string, t: Translation): void {
      const input = new LineIndex(source);
      const output = new LineIndex(t.code);
      assert.equal(output.starts.length, input.starts.length, 'same number of lines');
      let previous = 0;
      for (let o = 0; o <= t.code.length; o++) {
        const i = t.map.originOffset(o);
        assert.ok(i >= previous, `monotone at ${o}`);
        assert.ok(i <= source.length);
        assert.equal(input.position(i).line, output.position(o).line, `line of output offset ${o}`);
        previous = i;
      }
    }

    it('keeps every line on its line and maps offsets monotonically (property)', async () => {
      await fc.assert(fc.asyncProperty(program, async (source) => check(source, await translate(source))), { numRuns: 150 });
    });

    const common = [
      'x = a // b', 'y = (i * 2 for i in range(3))', 'if a != b:\n    pass', 's = "a/b <> `c`"', 'n = 0x1F + 0o7 + 0',
      'def g(a, b=1, *args):\n    return a - b', 't = (1, [2, 3])', 'while n:\n    n -= 1',
    ];
    const unchanged = fc.array(fc.constantFrom(...common), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('\n') + '\n');

    it('translates a script nested 5,000 levels deep, print items and division included, line for line', async () => {
      const nested = (open: string, close: string) => `${open.repeat(5000)}1 / 2${close.repeat(5000)}`;
      const source = `x = ${nested('f(', ')')}\nprint ${nested('[', ']')}, y / 3\nz = 4\n`;
      const t = await translate(source);
      const [x, printed, z] = t.code.split('\n');
      assert.equal(x, `x = ${'f('.repeat(5000)}_p2_div(1 , 2)${')'.repeat(5000)}`);
      assert.equal(printed, `_p2_print_item(None,  ${'['.repeat(5000)}_p2_div(1 , 2)${']'.repeat(5000)}); _p2_print_item(None,  _p2_div(y , 3)); _p2_print_end(None)`);
      assert.equal(z, 'z = 4');
      assert.equal(t.map.originOffset(t.code.indexOf('z = 4')), source.indexOf('z = 4'));
    });

    it('leaves code that means the same in Python 2 and 3 unchanged, offset for offset (property)', async () => {
      await fc.assert(
        fc.asyncProperty(unchanged, async (source) => {
          const t = await translate(source);
          assert.equal(t.code, source);
          for (let o = 0; o <= source.length; o++) assert.equal(t.map.originOffset(o), o);
        }),
        { numRuns: 50 },
      );
    });
  });
});
