// undefined-name: a name read where nothing defines it: not the wrapper's parameters, not the script's own names, not Ignition's globals.
import type { Rule } from '../rule';
import { readsAsPackage } from '../names';

/** Where a name the gateway defines for some scripts can be found in the others. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  session: 'session is the parameter of session events; in a component script use self.session, in Page Startup page.session',
  page: 'page is the parameter of Page Startup and key events; in a component script use self.page',
  self: 'self is the parameter of component scripts (events, message handlers, transforms, custom methods)',
  payload: 'payload is the parameter of message handlers',
  event: 'event is the parameter of component event scripts and key events',
  value: 'value is the parameter of transform scripts',
};

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
  // Reads and bindings come from the shared name analysis: a name bound in one statement counts in every other.
  checkScript({ script, tree, names, project, report }) {
    if (tree.rootNode.hasError || /\bexec\b|\bimport\s+\*/.test(script.text)) return;
    for (const read of names.reads) {
      // With the parent project missing, a package-like name is name-from-missing-parent's, reported once.
      if (project.missingParent && readsAsPackage(script.text, read)) continue;
      const hint = Object.hasOwn(ELSEWHERE, read.name) ? `: ${ELSEWHERE[read.name]}` : '; define, import or pass it first';
      report({ start: read.start, end: read.end, message: `\`${read.name}\` is not defined here${hint}` });
    }
  },
};
