// bad-arguments: a `system.*` call whose arguments do not fit the function's parameters.
import { bindArguments, findFunction, type ApiFunction, type BindProblem } from '../../api/index';
import type { CallArgument, CallArguments } from '../../api/call-arguments';
import { systemReferences } from '../../api/references';
import type { Finding, Rule } from '../rule';

export const badArguments: Rule = {
  id: 'bad-arguments',
  defaultSeverity: 'error',
  summary: 'A `system.*` call with an unknown keyword, too many or too few positional arguments, or an argument given twice.',
  doc: `## What it does
Matches the arguments of each \`system.*\` call against the function's parameters in Periscope's API table, the way
Python binds them, and reports keywords the function does not have (with the nearest parameter name), more positional
arguments than it takes, required arguments left out, and an argument given twice. Functions with two forms, such as
\`system.db.runNamedQuery(path, ...)\` and \`runNamedQuery(project, path, ...)\`, are accepted in either form.
Calls that spread \`*args\` or \`**kwargs\` are skipped, since their arguments are only known at run time.

## Why is this bad?
The gateway raises \`TypeError\` when the line runs, aborting the script; the user sees nothing and the traceback
goes to the gateway log.

## Example
\`\`\`python
system.perspective.openPopup("help", "Popups/Help", modal=True, closeIcon=False)
\`\`\`

## Use instead
\`\`\`python
system.perspective.openPopup("help", "Popups/Help", modal=True, showCloseIcon=False)
\`\`\``,
  nodeTypes: ['attribute'],
  check({ nodes, script, report }) {
    // Perspective scripts take a project's forms (runNamedQuery(path, ...)) first; a library may serve any scope.
    const scope = script.role.kind === 'library' ? undefined : 'perspective';
    for (const reference of systemReferences(nodes('attribute'), script.text)) {
      const call = reference.call;
      // Arguments spread with * or ** are known only at run time.
      if (!call || call.spread) continue;
      const fn = findFunction(reference.name);
      if (!fn) continue;
      const keywords = call.arguments.filter((argument) => argument.keyword !== undefined);
      const positional = call.arguments.filter((argument) => argument.keyword === undefined);
      const result = bindArguments(fn, positional.length, keywords.map((argument) => argument.keyword!), scope ? { scope } : {});
      if (result.ok) continue;
      for (const problem of result.problems) report(describe(fn, problem, positional, keywords, call));
    }
  },
};

function describe(fn: ApiFunction, problem: BindProblem, positional: CallArgument[], keywords: CallArgument[], call: CallArguments): Finding {
  const name = `${fn.name}()`;
  switch (problem.kind) {
    case 'unknown-keyword': {
      const hint = problem.suggestion ? `; did you mean ${problem.suggestion}?` : `; its parameters are ${parameterList(fn)}`;
      return { ...rangeOf(keywords[problem.keywordIndex]), message: `${name} has no parameter ${problem.keyword}${hint}` };
    }
    case 'too-many-positional': {
      const extra = positional.slice(problem.max);
      const takes = problem.max === 0 ? 'takes no positional arguments' : `takes at most ${problem.max} positional argument${problem.max === 1 ? '' : 's'}`;
      return { start: extra[0].start, end: extra[extra.length - 1].end, message: `${name} ${takes} (${problem.given} given)` };
    }
    case 'missing': {
      const plural = problem.params.length === 1 ? 'argument' : 'arguments';
      return { ...rangeOf(call), message: `${name} is missing the required ${plural} ${problem.params.join(', ')}` };
    }
    case 'duplicate':
      return { ...rangeOf(keywords[problem.keywordIndex]), message: `${name} gets ${problem.name} twice` };
  }
}

function rangeOf({ start, end }: { start: number; end: number }): { start: number; end: number } {
  return { start, end };
}

/** Every parameter name of every form, for a message when no name is close to the unknown keyword. */
function parameterList(fn: ApiFunction): string {
  const names = new Set(fn.signatures.flatMap((signature) => signature.params.map((param) => param.name)));
  return names.size === 0 ? 'none' : [...names].join(', ');
}
