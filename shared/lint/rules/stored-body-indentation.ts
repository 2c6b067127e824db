// stored-body-indentation: lines of an event's script that fall outside the function the gateway calls.
import type { Rule } from '../rule';
import type { Script } from '../../source/script';
import { roleEventFunction } from '../events';

/** The function an event file that holds its whole `def` defines (8.3 events, WebDev): the one it starts with. */
function wholeDefFile(script: Script): string | undefined {
  const event = roleEventFunction(script) !== undefined || script.role.kind === 'gateway-event' || script.role.kind === 'webdev';
  return event ? /^def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(script.text)?.[1] : undefined;
}

export const storedBodyIndentation: Rule = {
  id: 'stored-body-indentation',
  defaultSeverity: 'error',
  summary: 'Lines of an event script that are not indented into the function the gateway calls: they run once, when the script loads, not on the event.',
  doc: `## What it does
Reports the first line of an event script that falls outside the function the gateway calls: in a script stored as
a body (view.json, data.bin), a line at column 0 after tab-indented ones; in a file holding the whole \`def\` (8.3
events, WebDev), code after the function at column 0. Functions, classes and imports there are fine: they are
defined when the script loads, and the event's function can call them.

## Why is this bad?
The gateway puts the body under \`def runAction(self, event):\` as it is stored. A line that is not indented ends
the function there: the event runs only the lines above it, and the rest runs once, when the script is loaded,
where \`self\`, \`event\` and \`session\` do not exist, so it fails with \`NameError\` (or does nothing). Periscope runs
it the same way. This happens when a body is edited outside the Designer, or pasted half-indented.

## Example
A component event stored as \`"\\tvalue = self.props.value\\nif value:\\n\\tself.props.text = 'on'"\`:
\`\`\`python
def runAction(self, event):
	value = self.props.value
if value:
	self.props.text = 'on'
\`\`\`

## Use instead
Indent every line of the body one level, as the Designer does:
\`\`\`python
def runAction(self, event):
	value = self.props.value
	if value:
		self.props.text = 'on'
\`\`\``,
  checkScript({ script, tree, report }) {
    const fn = script.wrapper?.name ?? wholeDefFile(script);
    if (fn === undefined || tree.rootNode.hasError) return;
    let inside = false;
    const outside = [];
    for (const statement of tree.rootNode.namedChildren) {
      if (!statement || statement.type === 'comment') continue;
      const def = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === fn) {
        inside = true;
        continue;
      }
      // Functions, classes and imports after it are defined when the script loads, and the event can use them;
      // a string there (notes kept in a triple-quoted string) does nothing.
      if (!inside || /^(function_definition|class_definition|decorated_definition|import_statement|import_from_statement|pass_statement)$/.test(statement.type)) continue;
      if (statement.type === 'expression_statement' && statement.namedChildCount === 1 && /string$/.test(statement.namedChild(0)?.type ?? '')) continue;
      outside.push(statement);
    }
    if (outside.length === 0) return;
    const [first] = outside;
    const more = outside.length > 1 ? ` (and ${outside.length - 1} more ${outside.length === 2 ? 'statement' : 'statements'} after it)` : '';
    report({
      node: first,
      message: `this line is not indented into ${fn}, so it ends the function there${more}: the gateway runs it once when the script loads, not on the event, and the event runs only the lines above; indent it one level`,
    });
  },
};
