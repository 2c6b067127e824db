// invalid-resource: a project file the gateway cannot read as it stands, found while loading the project.
import type { Rule } from '../rule';

export const invalidResource: Rule = {
  id: 'invalid-resource',
  defaultSeverity: 'error',
  project: true,
  summary: 'A project file the gateway cannot read as it stands: malformed JSON, a resource.json naming a missing file, a script that is not UTF-8.',
  doc: `## What it does
Reports, while a project is loaded, files whose content the gateway would reject or misread: a \`view.json\`,
\`data.bin\` or \`resource.json\` that is not valid JSON or not the shape Ignition writes, a \`resource.json\` whose
\`files\` names a file the folder does not hold, a script file that is not valid UTF-8 or is empty where a
function is expected, a binary resource that cannot be decoded. Each finding names the file and the place.
The rest of the project still loads and runs: only the resource at fault is left out.

## Why is this bad?
A gateway skips a resource it cannot read, often with only a line in its log: the view does not open, the event
never fires, the query is not found, and nothing in the Designer says why.

## Example
A \`resource.json\` that lists a file the folder lacks:
\`\`\`json
{"scope": "G", "version": 1, "files": ["onStartup.py"]}
\`\`\`

## Use instead
Export the resource again from the Designer, or add the missing file, so that \`files\` and the folder agree.`,
};
