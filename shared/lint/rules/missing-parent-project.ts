// missing-parent-project: project.json names a parent project the export does not hold.
import type { Rule } from '../rule';

export const missingParentProject: Rule = {
  id: 'missing-parent-project',
  defaultSeverity: 'warning',
  project: true,
  summary: 'The project inherits from a parent project that is neither beside it nor named in periscope.json.',
  doc: `## What it does
Reports, once per project, a \`parent\` in \`project.json\` that Periscope cannot find: no folder of that name
beside the project (as in a gateway's \`data/projects\`) and no \`"parents"\` entry in \`periscope.json\`. An
inheritance loop (a project that is, through its parents, its own parent) is reported here too.

## Why is this bad?
The parent's views, library packages and named queries are part of the project on the gateway. Without them
Periscope cannot tell a real mistake from a name the parent defines: it reports each package name the project
reads from the parent once, as information (\`name-from-missing-parent\`), and at run time the views, packages and
queries stay undefined until a script or page uses them, where the failure is traced.

## Example
\`project.json\` of an export of one project:
\`\`\`json
{"title": "Plant", "parent": "Global"}
\`\`\`

## Use instead
Export the parent beside the project (\`projects/Global\`, \`projects/Plant\`), or point \`periscope.json\` at it:
\`\`\`json
{"parents": ["../Global"]}
\`\`\``,
};
