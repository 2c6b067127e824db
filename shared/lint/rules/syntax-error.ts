// syntax-error: code Jython 2.7 cannot compile, one diagnostic per real error rather than a cascade.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { COMPILE_NODE_TYPES, compileErrors, futurePlacementErrors } from '../compile-errors';
import { jythonLexOf } from '../jython-parse';

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

Python 2 syntax is valid here: \`print "x"\`, \`except ValueError, e:\`, \`<>\`, \`0777\` and \`10L\` compile on Jython.
Indentation is read as Jython reads it: a tab advances to the next multiple of 8 columns, so lines that mix tabs
and spaces are fine when their columns agree; only a real disagreement is reported, with Jython's own words
(\`unindent does not match any outer indentation level\`). What the grammar allows but Jython's compiler refuses is
reported too: \`return\` outside a function, \`break\` outside a loop, a repeated argument name, \`f() = 1\`.`,
  // What the compiler refuses once the grammar accepted the script, statement by statement in the shared walk.
  nodeTypes: COMPILE_NODE_TYPES,
  check({ script, nodes, tree, report }) {
    // Each finding depends on its own statement only (an edit elsewhere keeps it); inside a statement the grammar
    // already rejected, the parser's error is the one to fix first. A statement whose indentation Jython's tokenizer
    // refused is that one error, not also what the grammar made of it (\`return\` outside a function); a file with a
    // tokenizer error is always linted whole, so the tokenizer's verdict is never stale here.
    const lexError = jythonLexOf(tree).error;
    for (const error of compileErrors(nodes, script.text)) {
      const statement = statementOf(error.node);
      if (statement.hasError || (lexError && statement.startIndex <= lexError.offset && lexError.offset < statement.endIndex)) continue;
      report({ node: error.node, message: error.message });
    }
  },
  checkScript({ script, tree, report }) {
    const lex = jythonLexOf(tree);
    const found: Array<{ start: number; end: number; message: string }> = [];
    if (tree.rootNode.hasError) parserErrors(tree, (e) => found.push(e));
    // An indentation error after a parser error is its echo (an `if` without its colon, then the indented block).
    if (lex.error && !found.some((e) => e.start < lex.error!.offset)) found.push({ start: lex.error.offset, end: lex.error.end, message: lex.error.message });
    if (found.length === 0) {
      if (script.text.includes('__future__')) for (const error of futurePlacementErrors(tree)) report({ node: error.node, message: error.message });
      return;
    }
    for (const error of found.sort((a, b) => a.start - b.start)) report(error);
  },
};

/** The top-level statement holding a node. */
function statementOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.type !== 'module') n = n.parent;
  return n;
}

/** One error per mistake where tree-sitter gave up, not one per line it then misread. */
function parserErrors(tree: Tree, report: (error: { start: number; end: number; message: string }) => void): void {
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
}

function missing(type: string, at: number) {
  const what = /^[a-z_]+$/.test(type) ? type.replace(/_/g, ' ') : `'${type}'`;
  return { start: at, end: at, message: `invalid syntax: expected ${what} here` };
}

/** The first bracket in `text` that nothing closes, skipping strings and comments; -1 when they balance. */
function unclosedBracket(text: string): number {
  const open: number[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const end = text.indexOf(quote, i + quote.length);
      if (end === -1) return -1;
      i = end + quote.length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push(i);
    } else if (c in pairs) {
      if (open.length === 0 || text[open[open.length - 1]] !== pairs[c]) return -1;
      open.pop();
    }
  }
  return open.length > 0 ? open[0] : -1;
}

function unexpected(text: string, at: number) {
  const bracket = unclosedBracket(text);
  if (bracket !== -1) {
    return { start: at + bracket, end: at + bracket + 1, message: `invalid syntax: '${text[bracket]}' is never closed; close it or remove it` };
  }
  const token = /^\s*(\S{1,30})/.exec(text)?.[1] ?? text.slice(0, 1);
  const firstLine = text.split('\n')[0];
  const code = firstLine.replace(/\s*#.*$/, '');
  if (/^\s*(if|elif|else|for|while|def|class|try|except|finally|with)\b/.test(code) && !code.trimEnd().endsWith(':')) {
    const end = at + code.trimEnd().length;
    return { start: end, end, message: `invalid syntax: expected ':' at the end of this \`${token}\` line` };
  }
  return { start: at, end: at + Math.max(1, firstLine.length), message: `invalid syntax: unexpected '${token}'; check the brackets, colons and indentation here` };
}
