// pyodide-differs: constructs the Pyodide engine runs differently from Jython (test/fidelity/known-differences.md), reported when it is the engine.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { calleeName } from '../syntax';

export const pyodideDiffers: Rule = {
  id: 'pyodide-differs',
  defaultSeverity: 'warning',
  summary: 'A construct the Pyodide engine cannot run exactly as Jython does; reported only when Pyodide runs the scripts.',
  doc: `## What it does
When the scripts run on the Pyodide engine (the zero-install engine, used where no Java and Jython jar are found),
reports the constructs whose behaviour that engine cannot make identical to Jython 2.7's, as measured by the
fidelity suite (\`test/fidelity/known-differences.md\`): a listing of a scope's names (\`dir()\`, \`locals()\`,
\`vars()\`, \`globals()\`) in a script whose translation for Python 3 adds helper names to it (a chained
comparison such as \`low < x < high\` keeps its middle operand in one, a tuple parameter \`def f((a, b))\`
arrives in one).

## Why is this bad?
The simulation shows what the Pyodide engine computed: where that differs from a gateway, the trace, the panel and
scenario tests show something a gateway would not do. The Jython engine runs the real thing and has no such
differences; with it, this rule is silent.

## Example
\`\`\`python
ok = low < value < high
names = [n for n in dir() if not n.startswith("__")]
\`\`\`

## Use instead
List the names you mean (\`("low", "value", "high")\`) rather than the scope's, or run the simulation on the Jython
engine (\`apt-get install jython\`).`,
  nodeTypes: ['call'],
  checkScript(context) {
    if (context.engine !== 'pyodide' || !context.mentions(/\b(dir|locals|vars|globals)\s*\(\s*\)/)) return;
    for (const call of context.nodes('call')) {
      const name = calleeName(call);
      if (!name || !LISTINGS.has(name) || (call.childForFieldName('arguments')?.namedChildCount ?? 0) > 0) continue;
      const scope = name === 'globals' ? context.tree.rootNode : scopeOf(call);
      if (!addsHelperNames(scope)) continue;
      context.report({
        node: call,
        message: `on the Pyodide engine ${name}() also lists the helper names its translation adds for chained comparisons and tuple parameters (_p2t1, _p2a1); Jython lists only the script's own`,
      });
    }
  },
};

const LISTINGS = new Set(['dir', 'locals', 'vars', 'globals']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** The function (or lambda) whose names a call lists, or the module. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  let at = node.parent;
  while (at && at.type !== 'function_definition' && at.type !== 'lambda') at = at.parent;
  return at ?? node.tree.rootNode;
}

/**
 * Whether the translation for Pyodide binds helper names in this scope: a chained comparison with an ordering in
 * its own code (not in a nested function or class), or a tuple parameter of its own.
 */
function addsHelperNames(scope: SyntaxNode): boolean {
  const params = scope.childForFieldName('parameters');
  if (params?.namedChildren.some((p) => p?.type === 'tuple_pattern')) return true;
  const walk = (node: SyntaxNode): boolean => {
    if (node.type === 'comparison_operator') {
      const operators = node.children.filter((c) => !c.isNamed);
      if (operators.length > 1 && operators.some((o) => ORDERING.has(o.type))) return true;
    }
    return node.namedChildren.some((c) => c !== null && !SCOPES.has(c.type) && walk(c));
  };
  return walk(scope.type === 'module' ? scope : scope.childForFieldName('body') ?? scope);
}
