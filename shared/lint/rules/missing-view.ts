// missing-view: a page, dock, popup or Embedded View that shows a view the project does not hold.
import type { Rule } from '../rule';

export const missingView: Rule = {
  id: 'missing-view',
  defaultSeverity: 'warning',
  project: true,
  summary: 'A page, dock or Embedded View names a view that is not in the project (nor in a parent the export holds).',
  doc: `## What it does
Reports every \`viewPath\` of the page configuration (pages and shared docks) and every Embedded View or Flex
Repeater \`path\` that names a view the project does not hold, inherited views included.

## Why is this bad?
A gateway loads the project anyway and shows an error box where the view should be, when the page, dock or
component is shown: nothing warns beforehand. \`periscope simulate\` does the same: the page opens, and the trace
records a \`missing-view\` divergence at the moment the view would be shown.

Often the view lives in a parent project that is not part of the export. When the project's parent is missing (see
\`missing-parent-project\`), each view path it could hold is reported once, at its first use, as information rather
than a warning at every use; export the parent beside the project, or name it in \`periscope.json\`
(\`"parents": ["../Global"]\`), and the paths are checked.

## Example
\`\`\`json
{"pages": {"/": {"viewPath": "Main/Overview"}}}
\`\`\`
with no \`views/Main/Overview/view.json\` in the project.

## Use instead
Create the view, correct the path (paths are case-sensitive), or make the parent project available.`,
};
