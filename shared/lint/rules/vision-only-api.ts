// vision-only-api: Vision client functions (`system.gui.*`, `system.nav.*`...) used in Perspective scripts.
import { findFunction, isVisionOnly } from '../../api/index';
import { systemReferences } from '../../api/references';
import type { Rule } from '../rule';

export const visionOnlyApi: Rule = {
  id: 'vision-only-api',
  defaultSeverity: 'error',
  summary: 'A Vision-only function (`system.gui.*`, `system.nav.*`, `system.util.invokeLater`...) in a Perspective script.',
  doc: `## What it does
Reports \`system.*\` functions that exist only in Vision clients and the designer: all of \`system.gui\` and
\`system.nav\`, and functions such as \`system.util.invokeLater\`, \`system.security.getUsername\`,
\`system.file.openFile\` and \`system.net.openURL\`, with what Perspective offers instead. Project library scripts
(\`script-python\`) are not checked, since Vision windows may call them too.

## Why is this bad?
Perspective scripts run on the gateway, not in the user's browser. There is no window to open or dialog to show
there: the gateway scope has no \`system.gui\` or \`system.nav\` at all, so the line raises \`AttributeError\` and the
script stops; the user sees nothing.

## Example
\`\`\`python
system.gui.messageBox("Saved")
system.nav.swapTo("Main Window")
\`\`\`

## Use instead
\`\`\`python
system.perspective.openPopup("saved", "Popups/Message", params={"text": "Saved"})
system.perspective.navigate(page="/main")
\`\`\``,
  nodeTypes: ['attribute'],
  check({ nodes, script, report }) {
    if (script.role.kind === 'library') return;
    for (const reference of systemReferences(nodes('attribute'), script.text)) {
      const fn = findFunction(reference.name);
      if (!fn || !isVisionOnly(fn)) continue;
      const instead = fn.perspectiveInstead ? `; in Perspective use ${fn.perspectiveInstead}` : '';
      report({
        ...reference.range,
        message: `${fn.name} exists only in Vision clients and the designer, not in the gateway scope Perspective scripts run in${instead}`,
      });
    }
  },
};
