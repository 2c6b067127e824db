import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lexJython, relexJython, type JythonLex } from '../../shared/jython/lexer';

/** Pieces of Jython text, good and bad: blocks, tabs and spaces, strings closed or not, stray `!` and backslashes. */
const piece = fc.constantFrom(
  'def f(session):\n', '\tx = 1\n', '    y = 2\n', '\t\tif x:\n', '\t\t\tpass\n', 'x = (1,\n', '  2)\n', 'True = 1\n',
  's = "abc\n', "t = 'it''s'\n", 'u = """doc\n', 'end"""\n', 'a ! = b\n', 'a != b\n', 'c = 1 \\\n', '  + 2\n', 'd = \\x\n',
  '# comment\n', '\n', '\r\n', '\r', 'if a:\n', 'else:\n', '\t \tz = 3\n', 'n = 0x\n', 'm = 1e\n', 'u"\\u12"\n', '$\n', 'q = [\n', ']\n',
  'print "hi"\n', 'x', ':', '\t', ' ', '"', "'", '(', ')', '\\', '!',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
/** Whole statements that compile (some with text Jython drops, or mixed indentation): most edits keep a lex to resume. */
const statement = fc.constantFrom(
  'x = 1\n', 'True = 1\n', 'def f(a):\n\tif a:\n\t\treturn a\n', 's = "abc\n', 'a ! = b\n', 'c = 1 \\\n  + 2\n', 'print "hi"\n',
  'if a:\n\t \tz = 3\n', '\n', '# c\n', 'q = [\n1,\n]\n', 'u = """doc\nend"""\n', 'x = 1\r\n', 'y = 2\r', 'class A:\n    def m(self):\n        pass\n',
);
const module = fc.array(statement, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

/** The lex as the rules see it: everything but the bookkeeping relexJython keeps. */
const seen = (lex: JythonLex) => ({ error: lex.error, dropped: lex.dropped, assignedConstants: lex.assignedConstants, mixedIndentation: lex.mixedIndentation });

describe('the Jython lexer, incrementally', () => {
  it('lexes a text after an edit exactly as lexing it afresh does, checkpoints included', () => {
    let resumable = 0;
    fc.assert(fc.property(fc.oneof(module, text), fc.nat(), fc.nat(), fc.oneof(text, piece), (before, a, b, inserted) => {
      const start = before.length ? a % (before.length + 1) : 0;
      const end = start + (before.length - start ? b % (before.length - start + 1) : 0);
      const after = before.slice(0, start) + inserted + before.slice(end);
      const fresh = lexJython(after);
      const old = lexJython(before);
      if (old.checkpoints && start > 0) resumable++;
      const relexed = relexJython(before, old, after);
      assert.deepEqual(seen(relexed), seen(fresh));
      assert.deepEqual(relexed.checkpoints, fresh.checkpoints);
      assert.equal(relexed.mixedLines, fresh.mixedLines);
    }), { numRuns: 3000 });
    // Most cases exercise the resumed lexing, not the fresh lex it falls back to.
    assert.ok(resumable > 1000, `${resumable} of 3000 cases resumed`);
  });

  it('relexes a series of keystrokes in a large module, each agreeing with a fresh lex', () => {
    let current = Array.from({ length: 300 }, (_, n) => `def f${n}(session):\n\t"""Doc."""\n\tx = session.custom.get("a%d" % ${n})\n\tif x:\n\t\treturn x\n\n`).join('');
    let lex = lexJython(current);
    for (const [at, typed] of [[1000, 'x'], [1001, '"'], [1002, '"'], [5000, '\n\t\tpass'], [200, '!'], [200, ''], [9000, 'True = 1\n']] as const) {
      const next = current.slice(0, at) + typed + current.slice(at);
      lex = relexJython(current, lex, next);
      assert.deepEqual(seen(lex), seen(lexJython(next)));
      current = next;
    }
  });
});
