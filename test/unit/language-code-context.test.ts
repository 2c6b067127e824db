// Reading half-typed Jython around the cursor: the string, the open calls and their arguments, the dotted name.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { codeContext, dottedAt, dottedBefore, enclosingCall } from '../../shared/language/code-context';

const at = (text: string) => codeContext(text.replace('|', ''), text.indexOf('|'));

describe('code context under the cursor', () => {
  it('knows the call and argument being typed, positional or by keyword', () => {
    const call = enclosingCall(at('def f(session):\n\tsystem.perspective.openPopup("w", view="V", |'))!;
    assert.equal(call.callee, 'system.perspective.openPopup');
    assert.equal(call.argIndex, 2);
    assert.deepEqual(call.keywordsBefore, ['view']);
    assert.equal(enclosingCall(at('system.perspective.navigate(page=|'))!.keyword, 'page');
  });

  it('knows a string being typed, through a list inside a call', () => {
    const context = at('vals = system.tag.readBlocking(["[default]Line1/Sp|');
    assert.equal(context.string?.typed, '[default]Line1/Sp');
    assert.equal(enclosingCall(context, true)?.callee, 'system.tag.readBlocking');
    assert.equal(enclosingCall(context), undefined);
  });

  it('is not fooled by brackets and quotes inside strings and comments, nor by a script held in a string', () => {
    assert.equal(enclosingCall(at('x = ")(" # (\nsystem.util.getLogger(|'))!.callee, 'system.util.getLogger');
    const doc = "def configure():\n\th = {'script': '''\ndef onX(session, payload):\n\tpass\n'''}\n\treturn h|";
    assert.equal(at(doc).string, undefined);
    assert.ok(at("def configure():\n\th = {'script': '''\ndef onX(session, payload):\n\tpa|ss\n'''}").string);
  });

  it('reads the dotted name before and under the cursor', () => {
    assert.deepEqual(dottedBefore('x = system.perspective.na', 25), { object: 'system.perspective', partial: 'na', start: 23 });
    assert.deepEqual(dottedBefore('session.custom.', 15), { object: 'session.custom', partial: '', start: 15 });
    assert.deepEqual(dottedAt('system.perspective.navigate(page="/")', 21), { name: 'system.perspective.navigate', start: 19, end: 27 });
  });

  it('never throws, whatever the text and the offset', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'a.(),[]{}"\'#\\\n= ru'.split('')), maxLength: 80 }), fc.nat(), (text, n) => {
      const offset = n % (text.length + 1);
      const context = codeContext(text, offset);
      assert.ok(Array.isArray(context.brackets));
      dottedBefore(text, offset);
      dottedAt(text, offset);
    }));
  });
});
