// deprecated-api: `system.*` functions deprecated in the target Ignition version, with what to call instead.
import { findFunction, isDeprecatedIn } from '../../api/index';
import { systemReferences, type SystemReference } from '../../api/references';
import type { Fix, Rule } from '../rule';

export const deprecatedApi: Rule = {
  id: 'deprecated-api',
  defaultSeverity: 'warning',
  summary: 'A `system.*` function deprecated in the target Ignition version (`system.tag.read`, `runNamedQuery` on 8.3...).',
  doc: `## What it does
Reports calls and references to \`system.*\` functions that Periscope's API table marks deprecated in the target
version (\`--target\`, 8.3 by default): the legacy tag functions \`system.tag.read\`, \`readAll\`, \`write\`,
\`writeAll\`, \`writeSynchronous\`, \`browseTags\`... since 8.1, and \`system.db.runNamedQuery\` on 8.3.

## Why is this bad?
Deprecated functions are kept for old projects only: they miss features (\`system.tag.write\` does not wait or
report a quality per tag), may be removed in a later version, and new readers will not find them documented.

## Example
\`\`\`python
value = system.tag.read("[default]Line/Speed").value
\`\`\`

## Use instead
\`\`\`python
value = system.tag.readBlocking(["[default]Line/Speed"])[0].value
\`\`\`

For the four legacy tag calls with plain arguments the editor offers that rewrite; it is not applied by \`--fix\`,
because the return values differ (\`writeBlocking\` returns quality codes where \`write\` returned a number).`,
  nodeTypes: ['attribute'],
  check({ nodes, script, target, report }) {
    for (const reference of systemReferences(nodes('attribute'), script.text)) {
      const fn = findFunction(reference.name);
      if (!fn?.deprecated || !isDeprecatedIn(fn, target)) continue;
      const fix = rewrite(reference, script.text);
      report({
        ...reference.range,
        message: `${fn.name} is deprecated in Ignition ${fn.deprecated.since} and later; use ${fn.deprecated.replacement}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/** How each legacy tag call maps onto the blocking list form, given its positional arguments' source text. */
const REWRITES: Readonly<Record<string, { arity: number; write: (args: string[]) => string }>> = {
  'system.tag.read': { arity: 1, write: ([path]) => `system.tag.readBlocking([${path}])[0]` },
  'system.tag.readAll': { arity: 1, write: ([paths]) => `system.tag.readBlocking(${paths})` },
  'system.tag.write': { arity: 2, write: ([path, value]) => `system.tag.writeBlocking([${path}], [${value}])` },
  'system.tag.writeAll': { arity: 2, write: ([paths, values]) => `system.tag.writeBlocking(${paths}, ${values})` },
};

/** An editor-only rewrite of a legacy tag call whose arguments are all plain positional expressions. */
function rewrite(reference: SystemReference, text: string): Fix | undefined {
  const rule = Object.hasOwn(REWRITES, reference.name) ? REWRITES[reference.name] : undefined;
  const call = reference.call;
  if (!rule || !call || call.spread || call.arguments.length !== rule.arity) return undefined;
  if (call.arguments.some((argument) => argument.keyword !== undefined)) return undefined;
  return {
    description: `rewrite as ${rule.write(call.arguments.map(() => '…'))}`,
    edits: [{ start: reference.range.start, end: call.end, text: rule.write(call.arguments.map((a) => text.slice(a.start, a.end))) }],
    safe: false,
  };
}
