// unread-scripts: a folder of the project that holds Jython Periscope does not read (Vision, SFC charts...).
import type { Rule } from '../rule';

export const unreadScripts: Rule = {
  id: 'unread-scripts',
  defaultSeverity: 'info',
  project: true,
  summary: 'A folder of the project holds Jython that Periscope does not read (Vision windows, SFC charts, unknown .py files).',
  doc: `## What it does
Says, once per folder, that the project holds scripts Periscope neither lints nor runs: Vision windows, templates
and client event scripts, SFC charts, and any \`.py\` file in a place no loader reads. Periscope reads Perspective
(session events, views), the project library, named queries, Gateway Events, WebDev resources, alarm pipelines
and reports.

## Why is this bad?
It is not a mistake in the project; it says where Periscope's findings stop, so that a clean lint is not taken
for a clean project.

## Example
\`\`\`
com.inductiveautomation.vision/windows: 42 resources with Jython that Periscope does not read (Vision client scope)
\`\`\`

## Use instead
Nothing to change. Turn the rule off in \`periscope.json\` (\`{"lint": {"rules": {"unread-scripts": "off"}}}\`)
once you know.`,
};
