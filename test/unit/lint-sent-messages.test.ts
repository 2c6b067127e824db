import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createPythonParser } from '../../shared/python/parser';
import { sendCalls, sentMessages, sentMessageType } from '../../shared/lint/facts';
import { stringValue } from '../../shared/lint/syntax';

type Parser = Awaited<ReturnType<typeof createPythonParser>>;

/** What the facts pass reads of a script's sends, taken from the tree alone. */
function fromTree(parser: Parser, text: string) {
  const tree = parser.parse(text)!;
  try {
    const sent = { byUtil: [] as string[], byPerspective: [] as string[], computedUtil: false };
    for (const call of sendCalls(tree.rootNode, text)) {
      const found = sentMessageType(call, text);
      if (!found) continue;
      const type = stringValue(found.type);
      if (type === undefined) sent.computedUtil ||= found.via === 'util';
      else (found.via === 'util' ? sent.byUtil : sent.byPerspective).push(type);
    }
    return sent;
  } finally {
    tree.delete();
  }
}

function read(parser: Parser, text: string) {
  const tree = parser.parse(text)!;
  try {
    return sentMessages(() => sendCalls(tree.rootNode, text), text);
  } finally {
    tree.delete();
  }
}

describe('the message types a script sends', () => {
  let parser: Parser;
  before(async () => {
    parser = await createPythonParser();
  });

  it('reads literal types from the text and says when a util send names its handler with a computed value', () => {
    const text = [
      'def onStartup(session):',
      '\tsystem.util.sendMessage("proj", "refresh", scope="S")',
      "\tsystem.perspective.sendMessage(messageType=u'orders', scope='page')",
      '\tsystem.util.sendMessage("proj", messageHandler=name)',
      '\t# system.util.sendMessage("proj", "commented")',
      '\tlog = "system.util.sendMessage(\'proj\', \'quoted\')"',
    ].join('\n');
    assert.deepEqual(read(parser, text), { byUtil: ['refresh'], byPerspective: ['orders'], computedUtil: true });
  });

  it('agrees with the tree on any argument list, however written', () => {
    const argument = fc.constantFrom(
      '"h"', "'h'", 'u"h"', "r'h'", 'b"h"', 'f"h"', 'ur"h"', '"a" "b"', '"a\\\\n"', '"""h"""', "'''a\nb'''", '"it\'s"', 'name', 'None', '123', '("h")',
      '"h" + x', 'x if c else "h"', 'lambda a, b: a', '*args', '**kw', '[1, 2]', '{"a": 1}', 'f(1, 2)', '"a,b"', '"#h"',
      'messageHandler="h"', "messageHandler = 'k'", 'messageHandler=name', 'messageType="t"', 'messageType = u"t"', 'messageType=t',
      'messageHandler= # why\n "h"', 'messageType=\\\n "t"', 'scope="S"', 'payload={"a": 1}', 'project="p"', 'sessionId=s',
    );
    const send = fc.record({
      chain: fc.constantFrom('system.util.sendMessage', 'system.perspective.sendMessage', 'system . util . sendMessage', 'system.perspective.sendMessage ', 'system.util.sendMessage.x'),
      args: fc.array(argument, { maxLength: 4 }),
      comment: fc.boolean(),
    }).map(({ chain, args, comment }) => `\t${chain}(${args.join(comment ? ', # c\n\t\t' : ', ')})`);
    fc.assert(
      fc.property(fc.array(send, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = ['def f(session, payload):', ...lines].join('\n') + '\n';
        assert.deepEqual(read(parser, text), fromTree(parser, text), text);
      }),
      { numRuns: 400 },
    );
  });
});
