// name-from-missing-parent: a package-like name no script defines, in a project whose parent is not in the export.
import type { Rule } from '../rule';
import { readsAsPackage } from '../names';

export const nameFromMissingParent: Rule = {
  id: 'name-from-missing-parent',
  defaultSeverity: 'info',
  summary: 'A name used like a library package (`filters.byDate(...)`) that only the missing parent project can define; reported once per name.',
  doc: `## What it does
When the project's parent project is not in the export (see \`missing-parent-project\`), names that the project
reads like library packages (\`name.attribute\`) and that nothing in the project defines are reported once each,
at their first use, as information. Other undefined names are still \`undefined-name\` warnings.

## Why is this bad?
It is not, when the parent defines the package: on the gateway \`filters.byDate()\` works. But Periscope cannot
check it, and if the parent does not define it either, every use raises \`NameError\`. One line per name says
which names depend on the parent, without one warning per use.

## Example
\`\`\`python
def runAction(self, event):
	self.props.data = filters.byDate(self.props.data)
\`\`\`
in a project whose \`project.json\` names \`"parent": "Global"\` and no Global project beside it.

## Use instead
Export the parent project beside this one, or name it in \`periscope.json\` (\`"parents": ["../Global"]\`), so
that its library is read and the names are checked.`,
  checkScript({ script, tree, names, project, report }) {
    if (!project.missingParent || tree.rootNode.hasError || /\bexec\b|\bimport\s+\*/.test(script.text)) return;
    for (const read of names.reads) {
      if (!readsAsPackage(script.text, read)) continue;
      report({
        start: read.start,
        end: read.end,
        once: `name-from-missing-parent:${read.name}`,
        message: `\`${read.name}\` is not defined in this project; it may be a library package of the parent project ${project.missingParent}, which is not in the export`,
      });
    }
  },
};
