// syntax-error: code Jython 2.7 cannot compile, one diagnostic per real error rather than a cascade.
import type { Rule } from '../rule';

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  summary: 'Code that Jython 2.7 cannot compile; the gateway rejects the whole script.',
  doc: `## What it does
Reports code the Python 2.7 grammar rejects: unbalanced brackets, a missing colon, a statement where an
expression belongs. Each error is reported once, where the parser first gave up, not once per line it then
misread.

## Why is this bad?
The gateway compiles a script as a whole. One syntax error and the event does nothing at all: the error goes to
the gateway log, the session never hears of it.

## Example
\`\`\`python
def onStartup(session):
	if session.props.device.type == "mobile"
		session.custom.viewMode = "compact"
\`\`\`

## Use instead
\`\`\`python
def onStartup(session):
	if session.props.device.type == "mobile":
		session.custom.viewMode = "compact"
\`\`\`

Python 2 syntax is valid here: \`print "x"\`, \`except ValueError, e:\`, \`<>\`, \`0777\` and \`10L\` compile on Jython.`,
  check({ tree, report }) {
    if (!tree.rootNode.hasError) return;
    const cursor = tree.walk();
    let lastLine = -1;
    try {
      for (;;) {
        const node = cursor.currentNode;
        let descend = true;
        if (node.type === 'ERROR' || node.isMissing) {
          descend = false;
          // Errors that start on the line of the previous one are the parser recovering from it.
          if (node.startPosition.row !== lastLine) {
            lastLine = node.startPosition.row;
            report(node.isMissing ? missing(node.type, node.startIndex) : unexpected(node.text, node.startIndex));
          }
        } else if (!node.hasError) {
          descend = false;
        }
        if (descend && cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  },
};

function missing(type: string, at: number) {
  const what = /^[a-z_]+$/.test(type) ? type.replace(/_/g, ' ') : `'${type}'`;
  return { start: at, end: at, message: `invalid syntax: expected ${what} here` };
}

function unexpected(text: string, at: number) {
  const token = /^\s*(\S{1,30})/.exec(text)?.[1] ?? text.slice(0, 1);
  const firstLine = text.split('\n')[0];
  return { start: at, end: at + Math.max(1, firstLine.length), message: `invalid syntax: unexpected '${token}'; check the brackets, colons and indentation here` };
}
