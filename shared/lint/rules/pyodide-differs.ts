// pyodide-differs: constructs the Pyodide engine runs differently from Jython (test/fidelity/known-differences.md), reported when it is the engine.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule, ScriptContext } from '../rule';

export const pyodideDiffers: Rule = {
  id: 'pyodide-differs',
  defaultSeverity: 'warning',
  summary: 'A construct the Pyodide engine cannot run exactly as Jython does; reported only when Pyodide runs the scripts.',
  doc: `## What it does
When the scripts run on the Pyodide engine (the zero-install engine, used where no Java and Jython jar are found),
reports the constructs whose behaviour that engine cannot make identical to Jython 2.7's, as measured by the
fidelity suite (\`test/fidelity/known-differences.md\`):

- an instance attribute named like a special method (\`obj.__len__ = f\`), which an old-style class uses on Jython
  and Python 3 ignores.

## Why is this bad?
The simulation shows what the Pyodide engine computed: where that differs from a gateway, the trace, the panel and
scenario tests show something a gateway would not do. The Jython engine runs the real thing and has no such
differences; with it, this rule is silent.

## Example
\`\`\`python
class Rows:
	def __init__(self, rows):
		self.__len__ = lambda: len(rows)
\`\`\`

## Use instead
Define the special method in the class (\`def __len__(self): return len(self.rows)\`), or run the simulation on
the Jython engine (\`apt-get install jython\`).`,
  nodeTypes: ['assignment'],
  check(context) {
    if (context.engine !== 'pyodide') return;
    if (context.mentions(/\.__\w+__\s*=/)) for (const assignment of context.nodes('assignment')) specialMethodAttribute(assignment, context);
  },
};

const SPECIAL = /^__(len|getitem|setitem|iter|contains|call|str|repr|nonzero|bool|eq|ne|lt|le|gt|ge|add|sub|mul|div|hash|cmp)__$/;

function specialMethodAttribute(assignment: SyntaxNode, context: ScriptContext): void {
  const left = assignment.childForFieldName('left');
  const name = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined;
  if (!left || !name || !SPECIAL.test(name)) return;
  context.report({
    node: left,
    message: `an instance's own ${name} is used by an old-style class on Jython but never by the Pyodide engine, which looks special methods up on the class: define ${name} in the class`,
  });
}
