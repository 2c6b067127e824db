import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Parser } from 'web-tree-sitter';
import { BracketIndex, readCallArguments } from '../../shared/api/call-arguments';
import { createPythonParser } from '../../shared/python/parser';

/** What tree-sitter says about the arguments of the first call in `source`: the reference the text reader must match. */
function parsedArguments(parser: Parser, source: string) {
  const tree = parser.parse(source)!;
  try {
    assert.ok(!tree.rootNode.hasError, `valid Python: ${source}`);
    const call = tree.rootNode.descendantsOfType('call')[0]!;
    const list = call.childForFieldName('arguments')!;
    const children = list.namedChildren.filter((n) => n !== null && n.type !== 'comment');
    return {
      end: list.endIndex,
      spread: children.some((n) => n!.type === 'list_splat' || n!.type === 'dictionary_splat'),
      arguments: children
        .filter((n) => n!.type !== 'list_splat' && n!.type !== 'dictionary_splat')
        .map((n) => ({ keyword: n!.type === 'keyword_argument' ? n!.childForFieldName('name')!.text : undefined, text: n!.text })),
    };
  } finally {
    tree.delete();
  }
}

/** The arguments of the call whose `(` is at offset 1 of `source`. */
function read(source: string) {
  return readCallArguments(new BracketIndex(source), 1);
}

function readArguments(source: string) {
  const read = readCallArguments(new BracketIndex(source), source.indexOf('('));
  assert.ok(read, `readable: ${source}`);
  return {
    end: read.end,
    spread: read.spread,
    arguments: read.arguments
      .filter((a) => !source.slice(a.start, a.end).startsWith('*'))
      .map((a) => ({ keyword: a.keyword, text: source.slice(a.start, a.end) })),
  };
}

describe('reading call arguments from source text', () => {
  let parser: Parser;
  before(async () => {
    parser = await createPythonParser();
  });
  after(() => parser.delete());

  it('splits on top-level commas only, and tells keywords from comparisons', () => {
    const source = 'f(a, "x, y", g(1, 2), [3, 4], k=v == w, lambda q=1: q, m = {1: 2},)';
    const read = readCallArguments(new BracketIndex(source), 1)!;
    assert.deepEqual(read.arguments.map((a) => [a.keyword, source.slice(a.start, a.end)]), [
      [undefined, 'a'], [undefined, '"x, y"'], [undefined, 'g(1, 2)'], [undefined, '[3, 4]'], ['k', 'k=v == w'],
      [undefined, 'lambda q=1: q'], ['m', 'm = {1: 2}'],
    ]);
    assert.equal(read.end, source.length);
  });

  it('steps over comments, triple-quoted strings and escaped quotes', () => {
    const source = 'f(a,  # b, c\n  """d, \'e\'\n, f""", \'g\\\', h\')';
    const read = readCallArguments(new BracketIndex(source), 1)!;
    assert.deepEqual(read.arguments.map((a) => source.slice(a.start, a.end)), ['a', '"""d, \'e\'\n, f"""', "'g\\', h'"]);
  });

  it('notices *args and **kwargs, and refuses what it cannot read for sure', () => {
    assert.equal(read('f(*a)')!.spread, true);
    assert.equal(read('f(x, **k)')!.spread, true);
    assert.equal(read('f(a, b'), undefined);
    assert.equal(read('f(a,, b)'), undefined);
    assert.equal(read('f("a)'), undefined);
    assert.equal(read('f(`a, b`)'), undefined);
  });

  it('reads each level of 5,000 nested calls, and gives up on unclosed ones', () => {
    const depth = 5000;
    const nested = 'f('.repeat(depth) + 'x, k=1' + ')'.repeat(depth);
    const brackets = new BracketIndex(nested);
    const innermost = readCallArguments(brackets, 2 * depth - 1)!;
    assert.deepEqual(innermost.arguments.map((a) => a.keyword ?? nested.slice(a.start, a.end)), ['x', 'k']);
    const outermost = readCallArguments(brackets, 1)!;
    assert.equal(outermost.arguments.length, 1);
    assert.equal(outermost.end, nested.length);
    const unclosed = 'f(a, '.repeat(20000);
    const open = new BracketIndex(unclosed);
    assert.equal(readCallArguments(open, 1), undefined);
    assert.equal(readCallArguments(open, unclosed.length - 4), undefined);
  });

  it('agrees with the Python parser on generated argument lists', () => {
    const name = fc.constantFrom('a', 'path', 'sessionId', 'x1', '_y');
    const atom = fc.oneof(
      name,
      fc.constantFrom('1', '2.5', '"s, t"', "'u)'", '"""v,\nw"""', "u'x'", "r'\\d'", 'None', 'True'),
    );
    const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(name, fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
        fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
        fc.tuple(tie('expr'), tie('expr')).map(([k, v]) => `{${k}: ${v}}`),
        fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `${l} == ${r}`),
        tie('expr').map((e) => `(lambda q=1: ${e})`),
        tie('expr').map((e) => `(${e},)`),
      ),
    })).expr;
    const keyword = fc.tuple(name, expression).map(([k, v]) => `${k}=${v}`);
    // Python 2's order: positional, keyword, then *args and **kwargs.
    const args = fc
      .tuple(fc.array(fc.oneof(expression, name.map((n) => `lambda q=1: ${n}`)), { maxLength: 3 }), fc.array(keyword, { maxLength: 3 }), fc.option(name), fc.option(name))
      .map(([positional, keywords, star, starStar]) => [
        ...positional, ...keywords, ...(star ? [`*${star}`] : []), ...(starStar ? [`**${starStar}`] : []),
      ]);
    const separator = fc.constantFrom(', ', ',', ' ,\n    ', ',  # note, (\n    ');
    const call = fc.tuple(args, separator, fc.boolean()).map(
      ([list, sep, trailing]) => `system.util.f(${list.join(sep)}${trailing && list.length > 0 && !list[list.length - 1].startsWith('*') ? ',' : ''})\n`,
    );
    fc.assert(
      fc.property(call, (source) => {
        assert.deepEqual(readArguments(source), parsedArguments(parser, source));
      }),
      { numRuns: 300 },
    );
  });
});
