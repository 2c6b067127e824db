// "Edit embedded script" writes a script back into its JSON string changing no other byte: escapes, designer
// `\u003c` escapes and line endings of untouched lines stay as they were.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeJsonContent, escapeStyle, rewriteJsonContent } from '../../shared/language/json-string';
import { embeddedPath, embeddedScriptNamed, parseEmbeddedPath, writeEmbeddedScript } from '../../shared/language/embedded-script';
import { projectFileScripts } from '../../shared/language/file-scripts';
import type { Project } from '../../shared/loaders/project';

/** One character as some JSON writer may have written it: raw where JSON allows, or one of its escapes. */
const encodedChar = fc.constantFrom(...'ab <>&=\'"\\/\t\n\ré😀'.split('')).chain((c) => {
  const code = c.charCodeAt(0);
  const forms: string[] = [`\\u${code.toString(16).padStart(4, '0')}`, `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`];
  if (c !== '"' && c !== '\\' && code >= 0x20) forms.push(c);
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  if (short[c]) forms.push(short[c]);
  return fc.constantFrom(...forms);
});
const rawContent = fc.array(encodedChar, { maxLength: 120 }).map((parts) => parts.join(''));
const lineText = fc.string({ unit: fc.constantFrom(...'ab <>&="\\é\t'.split('')), maxLength: 12 });

const lines = (text: string) => text.split(/\r\n|\r|\n/);

describe('embedded scripts: writing a JSON string back', () => {
  it('gives back exactly the same bytes when the script did not change', () => {
    fc.assert(fc.property(rawContent, (raw) => rewriteJsonContent(raw, decodeJsonContent(raw), escapeStyle(raw)) === raw));
  });

  it('holds the new text, line for line, as valid JSON', () => {
    fc.assert(fc.property(rawContent, fc.array(lineText, { maxLength: 8 }), (raw, newLines) => {
      const text = newLines.join('\n');
      const written = rewriteJsonContent(raw, text, escapeStyle(raw));
      assert.deepEqual(lines(JSON.parse(`"${written}"`) as string), lines(text));
    }));
  });

  it('keeps the bytes of every line it did not change, line endings included', () => {
    fc.assert(fc.property(fc.array(lineText, { minLength: 2, maxLength: 8 }), fc.constantFrom('\\n', '\\r\\n'), fc.nat(), lineText, (oldLines, eol, at, replacement) => {
      const style = escapeStyle('\\u003c');
      const raw = oldLines.map((l) => rewriteJsonContent('', l, style)).join(eol);
      const index = at % oldLines.length;
      const text = oldLines.map((l, i) => (i === index ? `${replacement}#changed` : l)).join('\n');
      const written = rewriteJsonContent(raw, text, style);
      const rawLines = raw.split(eol);
      const writtenLines = written.split(eol);
      assert.equal(writtenLines.length, rawLines.length);
      writtenLines.forEach((line, i) => i !== index && assert.equal(line, rawLines[i]));
    }));
  });

  it('escapes new characters the way the file does: designer escapes, \\/ and the case of hex digits', () => {
    assert.equal(rewriteJsonContent('\\tx \\u003d 1', '\tx = y < 2', escapeStyle('"\\tx \\u003d 1"')), '\\tx \\u003d y \\u003c 2');
    assert.equal(rewriteJsonContent('a', 'a <b>', escapeStyle('"a"')), 'a <b>');
    assert.equal(rewriteJsonContent('a\\/b', 'a/b/c', escapeStyle('"a\\/b"')), 'a\\/b\\/c');
    assert.equal(rewriteJsonContent('\\u003D', '==', escapeStyle('"\\u003D"')), '\\u003D\\u003D');
  });

  it('names the Python document of a script by its JSON file and location, and back', () => {
    const path = embeddedPath('/p/views/A/view.json', 'root/Save.events.component.onActionPerformed[0]');
    assert.match(path, /^\/p\/views\/A\/view\.json\/[A-Za-z0-9._~-]+\.py$/);
    assert.deepEqual(parseEmbeddedPath(path), { file: '/p/views/A/view.json', location: 'root/Save.events.component.onActionPerformed[0]' });
  });

  it('changes only the edited line of a designer-exported view.json with CRLF line endings', () => {
    const file = '/project/com.inductiveautomation.perspective/views/Main/view.json';
    const text = [
      '{',
      '  "custom": {},',
      '  "root": {',
      '    "meta": {"name": "root"},',
      '    "scripts": {',
      '      "messageHandlers": [',
      '        {',
      '          "messageType": "refresh",',
      '          "pageScope": true,',
      '          "script": "\\tif payload.get(\\u0027n\\u0027) \\u003e 0:\\r\\n\\t\\tself.custom.n \\u003d payload[\\u0027n\\u0027]\\r\\n\\tlog \\u003d system.util.getLogger(\\"v\\")\\r\\n\\tlog.info(\\"\\u003cdone\\u003e\\")",',
      '          "sessionScope": false,',
      '          "viewScope": false',
      '        }',
      '      ]',
      '    },',
      '    "type": "ia.container.flex"',
      '  }',
      '}',
    ].join('\r\n');
    const project = { root: '/project', views: { Main: {} }, scripts: [] } as unknown as Project;
    const { scripts } = projectFileScripts(project, file, text);
    const embedded = embeddedScriptNamed(file, text, scripts, 'root.scripts.messageHandlers.refresh')!;
    assert.equal(embedded.body, "\tif payload.get('n') > 0:\r\n\t\tself.custom.n = payload['n']\r\n\tlog = system.util.getLogger(\"v\")\r\n\tlog.info(\"<done>\")");
    // The editor normalised the line endings to \n; only the second line really changed.
    const edited = "\tif payload.get('n') > 0:\n\t\tself.custom.n = payload['n'] * 2\n\tlog = system.util.getLogger(\"v\")\n\tlog.info(\"<done>\")";
    const edit = writeEmbeddedScript(text, scripts, embedded, edited)!;
    const written = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    assert.equal(written, text.replace("payload[\\u0027n\\u0027]\\r\\n", "payload[\\u0027n\\u0027] * 2\\r\\n"));
    assert.equal(edit.text, ' * 2');
  });
});
