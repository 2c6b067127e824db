// undefined-name: a name read where nothing defines it: not the wrapper's parameters, not the script's own names, not Ignition's globals.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { ancestor } from '../syntax';

/** Where a name the gateway defines for some scripts can be found in the others. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  session: 'session is the parameter of session events; in a component script use self.session, in Page Startup page.session',
  page: 'page is the parameter of Page Startup and key events; in a component script use self.page',
  self: 'self is the parameter of component scripts (events, message handlers, transforms, custom methods)',
  payload: 'payload is the parameter of message handlers',
  event: 'event is the parameter of component event scripts and key events',
  value: 'value is the parameter of transform scripts',
};

const PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'as_pattern_target']);

export const undefinedName: Rule = {
  id: 'undefined-name',
  defaultSeverity: 'warning',
  summary: 'A name nothing defines where it is read: not a parameter of the script\'s function, not assigned or imported, not a builtin or Ignition global.',
  doc: `## What it does
Reports names read in a script that nothing defines: they are not parameters of the function the gateway calls
(\`session\` in Startup, \`page\` in Page Startup, \`self\` and \`event\` in a component event...), not assigned,
imported or defined anywhere in the script, not a Python 2.7 builtin and not one of Ignition's globals (\`system\`,
\`shared\`, project library packages). A document's blocks share their names, as the simulator runs them in one
namespace. Scripts that use \`exec\` or \`from module import *\` are not checked.

## Why is this bad?
Reading an undefined name raises \`NameError\` when that line runs, aborting the script; the error only appears in
the gateway log. The usual cause is a name that exists in another kind of script: \`session\` in a component script
(where it is \`self.session\`), \`page\` in Startup (where there is no page), or a forgotten import such as
\`java.lang\`.

## Example
\`\`\`python
def runAction(self, event):
	session.custom.selected = event.value
\`\`\`

## Use instead
\`\`\`python
def runAction(self, event):
	self.session.custom.selected = event.value
\`\`\``,
  nodeTypes: ['identifier'],
  check({ script, tree, nodes, definedNames, report }) {
    if (tree.rootNode.hasError || /\bexec\b|\bimport\s+\*/.test(script.text)) return;
    const identifiers = nodes('identifier');
    // Names bound anywhere count everywhere (Python 2 comprehensions leak, closures see enclosing names), except
    // parameters: `session` of onStartup says nothing about a runAction beside it.
    const bound = new Set<string>();
    const parameters = new Map<string, Array<[number, number]>>();
    const reads: SyntaxNode[] = [];
    const text = script.text;
    for (const id of identifiers) {
      if (definedNames.has(id.text) || bound.has(id.text) || afterDot(text, id.startIndex)) continue;
      const role = usage(id);
      if (role === 'bind') bound.add(id.text);
      else if (role === 'read') reads.push(id);
      else if (role === 'parameter') {
        const fn = ancestor(id, 'function_definition', 'lambda');
        if (fn) parameters.set(id.text, [...(parameters.get(id.text) ?? []), [fn.startIndex, fn.endIndex]]);
      }
    }
    for (const id of reads) {
      if (bound.has(id.text)) continue;
      if (parameters.get(id.text)?.some(([start, end]) => id.startIndex >= start && id.endIndex <= end)) continue;
      const hint = Object.hasOwn(ELSEWHERE, id.text) ? `: ${ELSEWHERE[id.text]}` : '; define, import or pass it first';
      report({ node: id, message: `\`${id.text}\` is not defined here${hint}` });
    }
  },
};

/** Whether an identifier binds a name, reads one, or is not a name at all (an attribute, a keyword). */
function usage(id: SyntaxNode): 'bind' | 'parameter' | 'read' | 'none' {
  let child = id;
  let parent = id.parent;
  if (!parent) return 'read';
  switch (parent.type) {
    case 'attribute':
      return parent.childForFieldName('attribute')?.id === id.id ? 'none' : 'read';
    case 'keyword_argument':
      return parent.childForFieldName('name')?.id === id.id ? 'none' : 'read';
    case 'function_definition':
    case 'class_definition':
      return parent.childForFieldName('name')?.id === id.id ? 'bind' : 'read';
    case 'default_parameter':
    case 'typed_default_parameter':
      return parent.childForFieldName('name')?.id === id.id ? 'parameter' : 'read';
    case 'global_statement':
    case 'nonlocal_statement':
    case 'named_expression':
      return parent.type === 'named_expression' && parent.childForFieldName('name')?.id !== id.id ? 'read' : 'bind';
    case 'except_clause':
      // `except ValueError, e:` binds the name after the comma.
      return parent.namedChildren[0]?.id === id.id ? 'read' : 'bind';
  }
  // Climb through patterns to the statement that binds them, if any.
  while (parent && PATTERNS.has(parent.type)) {
    if (parent.type === 'as_pattern_target') return 'bind';
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return 'read';
  switch (parent.type) {
    case 'parameters':
    case 'lambda_parameters':
    case 'typed_parameter':
    case 'dictionary_splat_pattern':
      return 'parameter';
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === child.id ? 'bind' : 'read';
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
    case 'aliased_import':
    case 'dotted_name':
      return 'bind';
  }
  return 'read';
}

/** `x.name`: an attribute, not a name; read from the text, which is much cheaper than asking the tree. */
function afterDot(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '.';
}
