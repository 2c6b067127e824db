import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createPythonParser } from '../../shared/python/parser';
import { COMPILE_NODE_TYPES, compileErrors } from '../../shared/lint/compile-errors';
import { collectNodes } from '../../shared/lint/syntax';

type Parser = Awaited<ReturnType<typeof createPythonParser>>;

/** The compile errors of a script: with its text, and with none (every target and parameter list then asked of the tree). */
function errors(parser: Parser, text: string) {
  const tree = parser.parse(text)!;
  try {
    const byType = collectNodes([tree.rootNode], new Set(COMPILE_NODE_TYPES));
    const of = (type: string) => byType.get(type) ?? [];
    const show = (found: ReturnType<typeof compileErrors>) => found.map((e) => `${e.node.startIndex} ${e.message}`);
    return { read: show(compileErrors(of, text)), asked: show(compileErrors(of, '')) };
  } finally {
    tree.delete();
  }
}

describe('compile errors of targets and parameter lists', () => {
  let parser: Parser;
  before(async () => {
    parser = await createPythonParser();
  });

  it('reports what Jython refuses and passes plain names', () => {
    const text = 'def f(a, b, a):\n\tx.y = 3\n\tfor i in b:\n\t\tdel f()\n';
    assert.deepEqual(errors(parser, text).read, ['12 duplicate argument name found: a', "44 can't delete function call"]);
  });

  it('finds the same errors whether the text or the tree says a target or a parameter list is plain', () => {
    const name = fc.constantFrom('a', 'b', 'total', 'None', 'True', 'print', 'lambda', 'self', 'x1', 'match');
    const target = fc.oneof(
      name,
      fc.tuple(name, name).map(([o, a]) => `${o}.${a}`),
      fc.tuple(name, name).map(([o, a]) => `${o} . ${a}`),
      fc.constantFrom('f()', '1', '"s"', 'x[0]', 'a, b', '(a)', '(None)', '[a, b]', 'a + b', 'x if y else z'),
    );
    const statement = fc.oneof(
      fc.tuple(target, fc.constantFrom(' = 1', '=2', ' == 3', ' += 1', ': int = 1')).map(([t, rest]) => `${t}${rest}`),
      fc.tuple(target, name).map(([t, n]) => `for ${t} in ${n}:\n\t\tpass`),
      fc.array(name, { maxLength: 4 }).map((params) => `def g(${params.join(', ')}):\n\t\tpass`),
      fc.tuple(name, name).map(([p, q]) => `def h(${p}, ${q}=1, *args):\n\t\tpass`),
    );
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), (statements) => {
        const text = `def f(self, event):\n${statements.map((s) => `\t${s}`).join('\n')}\n`;
        const { read, asked } = errors(parser, text);
        assert.deepEqual(read, asked, text);
      }),
      { numRuns: 400 },
    );
  });
});
