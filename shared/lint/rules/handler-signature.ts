// handler-signature: an 8.3 session event file whose function name or parameters differ from what its event folder calls.
import type { Rule } from '../rule';
import { parameterNames } from '../syntax';
import { roleEventFunction, sessionEventSpec, topLevelFunctions } from '../events';

export const handlerSignature: Rule = {
  id: 'handler-signature',
  defaultSeverity: 'error',
  scope: 'perspective',
  summary: 'An 8.3 session event file whose function is not named and shaped as its event folder requires.',
  doc: `## What it does
In an Ignition 8.3 project, each session event is a \`.py\` file holding the whole function, in a folder that says
which event it is: \`startup/onStartup.py\` must define \`onStartup(session)\`, \`message/<name>/handleMessage.py\`
must define \`handleMessage(session, payload)\`, \`key-event/<name>/onKeyEvent.py\` \`onKeyEvent(page, event)\`, and so
on. The rule reports a missing function, or one with other parameters.

## Why is this bad?
The gateway calls the function by name with fixed arguments. A misnamed function is never called; a different
parameter list fails with \`TypeError\` on every event.

## Example
\`\`\`python
# com.inductiveautomation.perspective/message/refreshData/handleMessage.py
def handleMessage(payload):
	pass
\`\`\`

## Use instead
\`\`\`python
def handleMessage(session, payload):
	pass
\`\`\``,
  checkScript({ script, tree, report }) {
    // Only 8.3 event files hold a whole def; 8.1 bodies are wrapped by the gateway, documents follow their own conventions.
    if (script.wrapper || !script.origin.file.endsWith('.py')) return;
    const event = roleEventFunction(script);
    const spec = event && sessionEventSpec(event);
    if (!spec) return;
    const def = topLevelFunctions(tree).find((d) => d.childForFieldName('name')?.text === spec.function);
    const expected = `def ${spec.function}(${spec.params.join(', ')})`;
    if (!def) {
      const other = topLevelFunctions(tree)[0]?.childForFieldName('name');
      report({
        ...(other ? { node: other } : { start: 0, end: 0 }),
        message: `the gateway calls ${spec.function} from this ${spec.folder} file, which does not define it; write \`${expected}:\``,
      });
      return;
    }
    const params = parameterNames(def);
    if (params.length !== spec.params.length) {
      report({
        node: def.childForFieldName('parameters') ?? def,
        message: `${spec.function} is called with ${spec.params.length} argument${spec.params.length === 1 ? '' : 's'} (${spec.params.join(', ')}); write \`${expected}:\``,
      });
    }
  },
};
