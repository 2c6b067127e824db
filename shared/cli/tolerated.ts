// One line about the problems of a project's files that a run goes on with, as a gateway does (missing views, a
// missing parent, QueryString parameters...): simulate, test and serve print it so that a run never hides them.
import type { LoadProblem } from '../source/script';

/** "the project has 3 problems a gateway runs with (2 missing-view, 1 missing-parent-project); ...". */
export function toleratedSummary(problems: readonly LoadProblem[]): string {
  const byRule = new Map<string, number>();
  for (const p of problems) byRule.set(p.rule ?? 'invalid-resource', (byRule.get(p.rule ?? 'invalid-resource') ?? 0) + 1);
  const counts = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${n} ${rule}`).join(', ');
  return `the project has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} a gateway runs with (${counts}); each fails where it is used, in the trace. 'periscope lint' lists them`;
}
