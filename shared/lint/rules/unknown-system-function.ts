// unknown-system-function: `system.<module>.<name>` where Ignition has no such module or function.
import { existsIn, findFunction, findModule, listModule, modules, nearestName, untabulatedModules } from '../../api/index';
import { systemReferences, type SystemReference } from '../../api/references';
import type { Finding, Rule, TargetVersion } from '../rule';

export const unknownSystemFunction: Rule = {
  id: 'unknown-system-function',
  defaultSeverity: 'error',
  summary: 'A `system.*` function or module that Ignition does not have (often a typo), or one newer than the target version.',
  doc: `## What it does
Checks every \`system.<module>.<name>\` against Periscope's table of Ignition's scripting API and reports names
that do not exist, with the nearest real name. It also reports functions added after the target version
(\`system.db.execQuery\` when targeting 8.1).

## Why is this bad?
The gateway resolves \`system.*\` names only when the line runs: a misspelt function raises \`AttributeError\`
at that moment, often in a branch nobody tested, and the user sees nothing; the traceback goes to the gateway log.

## Example
\`\`\`python
logger = system.util.getlogger("Session")
\`\`\`

## Use instead
\`\`\`python
logger = system.util.getLogger("Session")
\`\`\`

A module the table does not know is reported as a warning, once, at its first use in the scripts linted together:
third-party modules add \`system.*\` modules (Sepasoft's MES modules add \`system.mes\`), and a project that uses one
uses it everywhere. Modules of Ignition that the table does not describe in detail (\`system.opc\`,
\`system.report\`, ...) are not checked.`,
  nodeTypes: ['attribute'],
  check({ nodes, script, target, report }) {
    for (const reference of systemReferences(nodes('attribute'), script.text)) {
      const finding = check(reference, target);
      if (finding) report(finding);
    }
  },
};

function check(reference: SystemReference, target: TargetVersion): Finding | undefined {
  if (untabulatedModules.has(reference.module)) return undefined;
  const module = findModule(reference.module);
  if (!module) {
    // Compare the short names: every module shares `system.`, which would make any two names look close.
    const known = [...modules.map((m) => m.name), ...untabulatedModules].map((name) => name.slice('system.'.length));
    const suggestion = nearestName(reference.module.slice('system.'.length), known);
    return {
      ...reference.moduleRange,
      severity: 'warning',
      message: `Ignition has no module ${reference.module}${hint(suggestion && `system.${suggestion}`)} (unless a third-party module adds it; reported at its first use only)`,
      once: `unknown-module:${reference.module}`,
    };
  }
  if (reference.member === undefined || !reference.memberRange) return undefined;
  const fn = findFunction(reference.name);
  if (fn) {
    if (existsIn(fn, target)) return undefined;
    return {
      ...reference.memberRange,
      message: `${fn.name} was added in Ignition ${fn.since}; it does not exist on ${target}, the target version`,
    };
  }
  if (module.constants.includes(reference.member)) return undefined;
  const names = [...listModule(module.name).filter((f) => existsIn(f, target)).map((f) => f.name.slice(module.name.length + 1)), ...module.constants];
  const suggestion = nearestName(reference.member, names);
  return {
    ...reference.memberRange,
    message: `${module.name} has no function ${reference.member}${hint(suggestion && `${module.name}.${suggestion}`)}`,
  };
}

function hint(suggestion: string | undefined): string {
  return suggestion ? `; did you mean ${suggestion}?` : '';
}
