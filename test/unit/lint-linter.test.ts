// The linter core: positions in the original file, suppression comments, severities, fixes that fit their container, incremental re-lint.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Linter, lintText } from '../../shared/lint/linter';
import { OpenPythonFile } from '../../shared/lint/incremental';
import { applyFixes } from '../../shared/lint/apply-fixes';
import { pythonFileScript } from '../../shared/lint/text-scripts';

describe('the linter', () => {
  let linter: Linter;
  before(async () => { linter = await Linter.create(); });
  after(() => linter.dispose());

  it('reports positions in the Markdown file, not in the fenced block', async () => {
    const doc = '# Startup\n\nSome words.\n\n```python\ndef onStartup(session):\n    sid = session.id\n```\n';
    const [d] = await lintText('doc.md', doc);
    assert.deepEqual([d.file, d.line, d.column, d.endLine, d.endColumn, d.rule], ['doc.md', 7, 11, 7, 21, 'no-such-session-attr']);
  });

  it('reports positions inside a script string at the line and column of the document', async () => {
    const doc = '```python\nH = {"a": {"script": \'\'\'\ndef onA(session, payload):\n    x = f"{payload}"\n\'\'\'}}\n```\n';
    const found = await lintText('doc.md', doc);
    const fstring = found.find((d) => d.rule === 'py3-only')!;
    assert.deepEqual([fstring.line, fstring.column], [4, 9]);
  });

  it('reports one syntax error per mistake, not a cascade, and none for Python 2 syntax', async () => {
    const found = await lintText('a.py', 'def f(x):\n\tif x\n\t\treturn 1\n\treturn 2\n\nprint "ok"\nexcept_ok = 1\n');
    const errors = found.filter((d) => d.rule === 'syntax-error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 2);
    assert.deepEqual(await lintText('b.py', 'import sys\nprint "a", 1\ntry:\n\tpass\nexcept ValueError, e:\n\tprint >>sys.stderr, e\n'), []);
  });

  it('names the bracket that is never closed and the colon that is missing', async () => {
    const [bracket] = await lintText('a.py', 'def f(x):\n\ty = [1, 2,\n\treturn y\n');
    assert.deepEqual([bracket.line, bracket.column, bracket.message], [2, 6, "invalid syntax: '[' is never closed; close it or remove it"]);
    const [colon] = await lintText('b.py', 'def f(x):\n\tif x  # check\n\t\treturn 1\n');
    assert.deepEqual([colon.line, colon.column, colon.message], [2, 6, "invalid syntax: expected ':' at the end of this `if` line"]);
  });

  it('skips findings on a line marked # periscope: ignore[rule], and all of them with # periscope: ignore', async () => {
    const text = [
      'def onStartup(session):',
      '\ta = session.id  # periscope: ignore[no-such-session-attr]',
      '\tb = f"{session.id}"  # periscope: ignore[py3-only]',
      '\tc = f"{session.id}"  # periscope: ignore',
      '',
    ].join('\n');
    const found = await lintText('s.py', text);
    assert.deepEqual(found.map((d) => `${d.line} ${d.rule}`), ['3 no-such-session-attr']);
  });

  it('applies configured severities and turns rules off', () => {
    const text = 'def onStartup(session):\n\tx = session.id\n\ty = f"{x}"\n';
    const found = linter.lintScripts(scriptOf(text), { rules: { 'no-such-session-attr': 'warning', 'py3-only': 'off' } });
    assert.deepEqual(found.map((d) => `${d.rule} ${d.severity}`), ['no-such-session-attr warning']);
  });

  it('offers a fix inside a JSON-like escaped string only when the edited characters are written verbatim there', async () => {
    // The f-string's quotes are escaped in the holder (\"), so rewriting it would need re-encoding: no fix.
    const doc = '```python\nH = {"a": {"script": "def onA(session, payload):\\n    log(f\\"{payload}\\")\\n    u = session.auth\\n"}}\n```\n';
    const found = await lintText('doc.md', doc);
    const fstring = found.find((d) => d.rule === 'py3-only')!;
    const attr = found.find((d) => d.rule === 'no-such-session-attr')!;
    assert.equal(fstring.fix, undefined);
    assert.ok(attr.fix, 'session.auth gets its fix: `props.` needs no escaping');
    const fixed = applyFixes(doc, [attr.fix!]).text;
    assert.equal(fixed, doc.replace('session.auth', 'session.props.auth'));
  });

  it('rewrites f-strings with % when placeholders are plain and with .format() otherwise', async () => {
    const fixOf = async (code: string) => {
      const text = `def f(a, b):\n\treturn ${code}\n`;
      const d = (await lintText('f.py', text)).find((x) => x.rule === 'py3-only')!;
      return applyFixes(text, [d.fix!]).text.split('\n')[1].slice('\treturn '.length);
    };
    assert.equal(await fixOf('f"{a} and {b.c}: 100%"'), '"%s and %s: 100%%" % (a, b.c)');
    assert.equal(await fixOf("f'{a!r} {{x}} {b:.2f}'"), "'{!r} {{x}} {:.2f}'.format(a, b)");
    assert.equal(await fixOf('3 * f"{a}"'), '3 * ("%s" % (a,))');
  });

  it('f-string fixes give Python 2 strings that format to the same text', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom('{a}', '{b}', '%', '{{', '}}', ' '), fc.stringMatching(/^[a-z ]{1,4}$/)), { maxLength: 6 }),
      async (parts) => {
        const body = parts.join('');
        const text = `x = f"${body}"\n`;
        const d = (await lintText('p.py', text)).find((x) => x.rule === 'py3-only');
        assert.ok(d?.fix);
        const fixed = applyFixes(text, [d.fix]).text;
        const values: Record<string, string> = { a: 'A', b: 'B' };
        const expected = body.replace(/\{\{|\}\}|\{(\w)\}/g, (m, name: string | undefined) => (name ? values[name] : m[0]));
        assert.equal(evaluatePercent(fixed.slice(4, -1), values), expected);
      },
    ), { numRuns: 60 });
  });

  it('re-lints an edited file incrementally with the same result as a fresh parse', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `def f${i}(session):\n\tsession.custom.v${i} = ${i}\n`);
    const open = new OpenPythonFile(linter, 'big.py', lines.join(''));
    assert.deepEqual(open.lint(), []);
    const at = open.content.indexOf('session.custom.v100');
    open.change({ start: at + 'session.'.length, end: at + 'session.custom'.length, text: 'auth' });
    const incremental = open.lint();
    assert.deepEqual(incremental.map((d) => `${d.line}:${d.column} ${d.rule}`), ['202:2 no-such-session-attr']);
    assert.deepEqual(incremental, linter.lintScripts(scriptOf(open.content, 'big.py')));
    open.close();
  });
});

function scriptOf(text: string, file = 'x.py') {
  return [pythonFileScript(file, text)];
}

/** `"..." % (a, b)` or a bare literal, evaluated the way Python 2 would for %s placeholders. */
function evaluatePercent(expr: string, values: Record<string, string>): string {
  const m = /^"(.*)"(?: % \((.*?),?\))?$/.exec(expr);
  assert.ok(m, `unexpected fix ${expr}`);
  const args = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((n) => values[n]);
  let i = 0;
  return m[2] === undefined ? m[1] : m[1].replace(/%%|%s/g, (t) => (t === '%%' ? '%' : args[i++]));
}
