// pyodide-differs: constructs the Pyodide engine runs differently from Jython (test/fidelity/known-differences.md), reported when it is the engine.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule, ScriptContext } from '../rule';
import { calleeName } from '../syntax';

export const pyodideDiffers: Rule = {
  id: 'pyodide-differs',
  defaultSeverity: 'warning',
  summary: 'A construct the Pyodide engine cannot run exactly as Jython does; reported only when Pyodide runs the scripts.',
  doc: `## What it does
When the scripts run on the Pyodide engine (the zero-install engine, used where no Java and Jython jar are found),
reports the constructs whose behaviour that engine cannot make identical to Jython 2.7's, as measured by the
fidelity suite (\`test/fidelity/known-differences.md\`):

- \`java.util.TimeZone.getTimeZone\` for a zone other than UTC or GMT (Pyodide has no time zone rules; the zone
  behaves as UTC);
- an instance attribute named like a special method (\`obj.__len__ = f\`), which an old-style class uses on Jython
  and Python 3 ignores;
- the loop variable of a list comprehension in a class body, read after it (it leaks into the class on Jython only).

## Why is this bad?
The simulation shows what the Pyodide engine computed: where that differs from a gateway, the trace, the panel and
scenario tests show something a gateway would not do. The Jython engine runs the real thing and has no such
differences; with it, this rule is silent.

## Example
\`\`\`python
cal = Calendar.getInstance(TimeZone.getTimeZone("America/Chicago"))
\`\`\`

## Use instead
Keep such computations where the difference does not matter (UTC, a method defined in the class, an explicit
loop), or run the simulation on the Jython engine (\`apt-get install jython\`).`,
  nodeTypes: ['call', 'assignment', 'list_comprehension'],
  check(context) {
    if (context.engine !== 'pyodide') return;
    if (context.mentions(/getTimeZone/)) for (const call of context.nodes('call')) timeZone(call, context);
    if (context.mentions(/\.__\w+__\s*=/)) for (const assignment of context.nodes('assignment')) specialMethodAttribute(assignment, context);
    if (context.mentions(/^[ \t]*class\b/m)) for (const comprehension of context.nodes('list_comprehension')) classBodyLeak(comprehension, context);
  },
};

const UTC = /^(['"])(UTC|GMT)\1$/;

function timeZone(call: SyntaxNode, context: ScriptContext): void {
  if (!calleeName(call)?.endsWith('getTimeZone')) return;
  const zone = call.childForFieldName('arguments')?.namedChildren[0];
  if (!zone || UTC.test(zone.text)) return;
  context.report({
    node: zone,
    message: `the Pyodide engine has no time zone rules: TimeZone ${zone.text} behaves as UTC there; run on the Jython engine for local times`,
  });
}

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

function classBodyLeak(comprehension: SyntaxNode, context: ScriptContext): void {
  const statement = topOfClassBody(comprehension);
  if (!statement) return;
  const variables = new Set(
    comprehension.namedChildren
      .filter((c) => c.type === 'for_in_clause')
      .flatMap((c) => {
        const left = c.childForFieldName('left');
        return left?.type === 'identifier' ? [left.text] : (left?.namedChildren ?? []).filter((n) => n.type === 'identifier').map((n) => n.text);
      }),
  );
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) {
    const read = descendants(next).find((n) => n.type === 'identifier' && variables.has(n.text));
    if (!read) continue;
    context.report({
      node: read,
      message: `${read.text} is the loop variable of a list comprehension in this class body: Jython leaks it into the class, the Pyodide engine cannot; use an explicit for loop`,
    });
    return;
  }
}

/** The statement of a class body that holds the node, when no function or lambda lies between them. */
function topOfClassBody(node: SyntaxNode): SyntaxNode | undefined {
  let child = node;
  for (let at = node.parent; at; child = at, at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'lambda') return undefined;
    if (at.type === 'block' && at.parent?.type === 'class_definition') return child;
  }
  return undefined;
}

function descendants(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const walk = (n: SyntaxNode): void => {
    out.push(n);
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(node);
  return out;
}
