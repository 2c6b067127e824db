// Columns of the Jython engine's traceback frames, read from the syntax tree of the line Jython reported: given only
// where one place on the line can have done what the frame was doing.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnFinder, type FrameActivity } from '../../shared/engine/jython/columns';
import { sharedPythonParser } from '../../shared/jython/lower';

describe('Jython traceback columns', () => {
  const columnOf = async (code: string, line: number, activity: FrameActivity): Promise<number | null> =>
    columnFinder(await sharedPythonParser(), code)(line, activity);
  const raised = (type: string, message = ''): FrameActivity => ({ raised: { type, message } });

  it('points an outer frame at the call into the next frame, by its name among several calls', async () => {
    const code = 'def f(a):\n    return len(a) + helper(str(a)) + obj.method(a)\n';
    assert.equal(await columnOf(code, 2, { calling: 'helper' }), 20);
    assert.equal(await columnOf(code, 2, { calling: 'method' }), 37);
  });

  it('gives no column when several places fit: a column must be right or absent', async () => {
    const code = 'def f(a, b):\n    return int(a) + int(b)\n    return a / b + b / a\n';
    assert.equal(await columnOf(code, 2, raised('ValueError', 'invalid literal for int() with base 10')), null);
    assert.equal(await columnOf(code, 3, raised('ZeroDivisionError', 'integer division or modulo by zero')), null);
    assert.equal(await columnOf(code, 2, { calling: 'unknown' }), null);
  });

  it('reads the exception: the undefined name, the missing attribute, the subscript, the division', async () => {
    const code = 'x = d["a"]["b"] + f(y)\nv = a.b.c + a.e\nw = (n + 1) // m\n';
    assert.equal(await columnOf(code, 1, raised('NameError', "global name 'y' is not defined")), 20);
    assert.equal(await columnOf(code, 1, raised('KeyError', "'b'")), 4, 'both subscripts start at d');
    assert.equal(await columnOf(code, 2, raised('AttributeError', "'Row' object has no attribute 'e'")), 12);
    assert.equal(await columnOf(code, 2, raised('AttributeError', "'Row' object has no attribute 'c'")), 4);
    assert.equal(await columnOf(code, 3, raised('ZeroDivisionError', 'integer division or modulo by zero')), 4);
  });

  it('points at operators a user method overloads, and at an augmented assignment as a whole', async () => {
    const code = 'total = price * qty\nrow = table[key]\ntotal /= 0\n';
    assert.equal(await columnOf(code, 1, { calling: '__mul__' }), 8);
    assert.equal(await columnOf(code, 2, { calling: '__getitem__' }), 6);
    assert.equal(await columnOf(code, 3, raised('ZeroDivisionError', 'float division')), 0);
  });

  it('prefers the raise statement for what it raises, and looks inside a one-line if', async () => {
    const code = 'def f(n):\n    if n < 0: raise ValueError("negative: %s" % str(n))\n';
    assert.equal(await columnOf(code, 2, raised('ValueError', 'negative: -1')), 14);
    assert.equal(await columnOf(code, 2, raised('KeyboardInterrupt')), null, 'an interrupt has no place on the line');
    const keyed = 'def load(n):\n    raise KeyError("row %d" % n)\n    raise ValueError(rows[n])\n';
    assert.equal(await columnOf(keyed, 2, raised('KeyError', "'row 2'")), 4, 'the raise, not the call that builds the exception');
    assert.equal(await columnOf(keyed, 3, raised('KeyError', '2')), 21, 'a subscript failing inside a raise of another type');
  });

  it('keeps the header of a compound statement apart from its body', async () => {
    const code = 'for row in rows(data):\n    process(row)\n';
    assert.equal(await columnOf(code, 1, { calling: 'rows' }), 11);
    assert.equal(await columnOf(code, 1, { calling: 'process' }), 11, 'the body is on its own line: the one call of the header');
  });

  it('answers any line of any script with a column on that line, or none, and never fails', async () => {
    const parser = await sharedPythonParser();
    const line = fc.constantFrom(
      'x = d["k"] + f(a) / b', 'if a.b: raise E(c)', '    return g(h(x))', 'for i in xs:', 'def f((a, b)):', 'print "x", y',
      '"""doc', '', '# c', 'y = [', 'z)', '\t\tw = 1; v = u[0]',
    );
    const activity = fc.oneof(
      fc.record({ calling: fc.constantFrom('f', 'g', '__init__', '__add__', '<lambda>', 'missing') }),
      fc.record({
        raised: fc.record({
          type: fc.constantFrom('KeyError', 'NameError', 'ZeroDivisionError', 'E', 'TypeError', 'AttributeError'),
          message: fc.constantFrom("'a'", "global name 'x' is not defined", "'T' object has no attribute 'b'", ''),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.integer({ min: -1, max: 10 }), activity, async (lines, at, what) => {
        const code = `${lines.join('\n')}\n`;
        const found = columnFinder(parser, code)(at, what);
        const text = code.split('\n')[at - 1] ?? '';
        if (found !== null) assert.ok(found >= 0 && found < text.length, `column ${found} on line ${at} of ${JSON.stringify(code)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('points a statement written over several lines at its start, as Jython reports it on its first line', async () => {
    const code = 'def f(d):\n    value = (1 +\n             d["k"])\n';
    assert.equal(await columnOf(code, 2, raised('KeyError', "'k'")), 4);
  });
});
