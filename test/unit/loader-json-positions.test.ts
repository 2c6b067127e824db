import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeJsonString, parseJsonFile, property } from '../../shared/loaders/json-file';
import { scriptFromJsonString } from '../../shared/loaders/project-script-string';

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '/': '\\/' };

/** Encodes `value` as a JSON string body, choosing per character between raw, short and \uXXXX forms. */
function encode(value: string, forms: number[]): { body: string; starts: number[] } {
  let body = '';
  const starts: number[] = [];
  [...value].forEach((ch, i) => {
    for (const unit of ch.length === 2 ? [ch[0], ch[1]] : [ch]) {
      starts.push(body.length);
      const code = unit.charCodeAt(0);
      const form = forms[i % forms.length];
      const mustEscape = code < 0x20 || unit === '"' || unit === '\\';
      if (form === 2 || (mustEscape && !(unit in SHORT))) body += `\\u${code.toString(16).padStart(4, '0')}`;
      else if (form === 1 && unit in SHORT) body += SHORT[unit];
      else if (mustEscape) body += SHORT[unit];
      else body += unit;
    }
  });
  return { body, starts };
}

describe('scripts inside JSON strings', () => {
  it('decode every escape and map each character to where its escape starts in the file', () => {
    const alphabet = fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\r', '"', '\\', '/', '<', '>', '&', '=', "'", '\u00e9', '\u2014', '\u{1F600}', '\u0001');
    fc.assert(fc.property(
      fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }),
      fc.stringMatching(/^[ \t\r\n]{0,6}$/),
      (value, forms, indent) => {
        const { body, starts } = encode(value, forms);
        const prefix = `{${indent}"onStartup":${indent}"`;
        const text = `${prefix}${body}"${indent}}`;
        const doc = parseJsonFile('data.bin', text);
        assert.deepEqual(doc.problems, []);
        const decoded = decodeJsonString(doc, property(doc.root, 'onStartup')!);
        assert.equal(decoded.text, value);
        for (let i = 0; i < decoded.text.length; i++) assert.equal(decoded.origin.originOffset(i), prefix.length + starts[i]);
      },
    ));
  });

  it('keeps offsets after a byte order mark and across CRLF line ends', () => {
    const text = '\uFEFF{\r\n  "onStartup": "\\tx \\u003d 1\\n\\ty \\u003c 2"\r\n}\r\n';
    const doc = parseJsonFile('data.bin', text);
    assert.deepEqual(doc.problems, []);
    const decoded = decodeJsonString(doc, property(doc.root, 'onStartup')!);
    assert.equal(decoded.text, '\tx = 1\n\ty < 2');
    assert.deepEqual(decoded.origin.position(decoded.text.indexOf('y')), { line: 2, column: 33 });
    assert.deepEqual(decoded.origin.position(decoded.text.indexOf('<')), { line: 2, column: 35 });
  });

  it('wrap a stored body in its def and map every body character to the escape that wrote it', () => {
    // The Designer writes these characters as \u escapes, and JSON needs escapes for quotes, backslashes and controls.
    const designer = (value: string) => JSON.stringify(value).replace(/[<>&=']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const decodeAt = (text: string, offset: number): string => (text[offset] === '\\' ? JSON.parse(`"${text.slice(offset, text[offset + 1] === 'u' ? offset + 6 : offset + 2)}"`) : text[offset]);
    const line = fc.array(fc.constantFrom('x', ' ', '=', '<', '"', "'", '\\', '&', '\u00e9', '(', ':'), { maxLength: 20 }).map((chars) => `\t${chars.join('')}`);
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, crlf) => {
      const body = lines.join(crlf ? '\r\n' : '\n');
      const text = `{\n  "messageHandlers": [{"name": "a", "enabled": true, "script": ${designer(body)}}]\n}`;
      const doc = parseJsonFile('data.bin', text);
      const node = property(doc.root!.children![0].children![1].children![0], 'script')!;
      const script = scriptFromJsonString(doc, node, { name: 'handleMessage', params: ['session', 'payload'] },
        { kind: 'session-message-handler', messageType: 'a', enabled: true }, 'messageHandlers/a')!;
      const header = 'def handleMessage(session, payload):\n';
      assert.ok(script.text.startsWith(header + body));
      for (let i = header.length; i < header.length + body.length; i++) {
        assert.equal(decodeAt(text, script.origin.originOffset(i)), script.text[i], `character ${i} of ${JSON.stringify(script.text)}`);
      }
    }));
  });
});
