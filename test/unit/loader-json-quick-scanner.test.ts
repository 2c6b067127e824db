// The quick JSON scanner: on well-formed text, the tokens jsonc-parser's scanner gives; on anything else, it gives up
// (NotPlain) before giving a token that scanner would not.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
import { createQuickScanner, NotPlain } from '../../shared/loaders/json-quick-scanner';
import { EOF, LINE_BREAK, TRIVIA, type TokenScanner } from '../../shared/loaders/json-tokens';

/** Every token but white space and line breaks: kind, offset, length and value. */
function tokens(scanner: TokenScanner): Array<[number, number, number, string]> {
  const out: Array<[number, number, number, string]> = [];
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind !== TRIVIA && kind !== LINE_BREAK) out.push([kind, scanner.getTokenOffset(), scanner.getTokenLength(), scanner.getTokenValue()]);
  }
  return out;
}

/** The quick scanner's tokens, or 'not plain' where it gives up. */
function quick(text: string): ReturnType<typeof tokens> | 'not plain' {
  try {
    return tokens(createQuickScanner(text));
  } catch (error) {
    if (error instanceof NotPlain) return 'not plain';
    throw error;
  }
}

describe('the quick JSON scanner', () => {
  it('gives the tokens and values jsonc-parser gives for any JSON, however it is spaced and escaped', () => {
    const space = fc.stringMatching(/^[ \t\r\n]{0,2}$/);
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), space, fc.boolean(), (value, gap, asciiOnly) => {
      let text = JSON.stringify(value, null, gap.includes('\n') ? '\t' : undefined);
      // The Designer writes non-ASCII characters as they are; other tools escape them.
      if (asciiOnly) text = text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      text = `${gap}${text}${gap}`;
      assert.deepEqual(quick(text), tokens(createScanner(text, false)));
    }));
  });

  it('gives up on what is not plain JSON, and never gives a token jsonc-parser would not', () => {
    const broken = ['{"a": 1,}', '[01]', '[1.]', '[-]', '["tab\there"]', '["\\x"]', '["\\u12"]', '// c\n{}', '[truex]', '{"a" 1}', '\f[]', '[1e5x]', "{'a': 1}", '[nul]'];
    for (const text of broken) {
      const ours = quick(text);
      if (ours === 'not plain') continue;
      // What it read without giving up is what jsonc-parser reads: the tree reader then finds the structural error.
      assert.deepEqual(ours, tokens(createScanner(text, false)), text);
    }
    assert.equal(quick('["tab\there"]'), 'not plain');
    assert.equal(quick('[01]'), 'not plain');
    assert.equal(quick('// c\n{}'), 'not plain');
    fc.assert(fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (json, at, junk) => {
      const i = at % (json.length + 1);
      const text = json.slice(0, i) + junk + json.slice(i);
      const ours = quick(text);
      if (ours !== 'not plain') assert.deepEqual(ours, tokens(createScanner(text, false)), text);
    }));
  });

  it('reads a script string of tens of megabytes, full of escapes, without running out of stack', () => {
    const body = '\\tx = 1\\n'.repeat(2_000_000);
    const text = `{"script": "${body}", "n": ${'7'.repeat(1_000_000)}}`;
    const read = quick(text);
    if (read === 'not plain') assert.fail('well-formed text is read by the quick scanner');
    const [, , , value] = read.find((t) => t[0] === 10 && t[3].length > 100)!;
    assert.equal(value.length, 2_000_000 * 7);
    assert.ok(value.startsWith('\tx = 1\n'));
  });
});
