// bare-except-swallows: `except: pass` around gateway calls, which hides every failure including Java ones.
import type { Rule } from '../rule';

export const bareExceptSwallows: Rule = {
  id: 'bare-except-swallows',
  defaultSeverity: 'warning',
  summary: 'A bare `except: pass` around system.* calls hides every failure, with no trace in any log.',
  doc: `## What it does
Reports a bare \`except:\` whose body only passes (or continues) when the \`try\` calls \`system.*\`.

## Why is this bad?
A failing query, tag write or navigation then leaves no trace at all: not in the gateway log, not for the user.
A bare \`except\` also catches what should stop the script. Session scripts have no one watching them; an error
that is swallowed is found months later in the data.

## Example
\`\`\`python
try:
	system.db.runNamedQuery("LogPageView", params)
except:
	pass
\`\`\`

## Use instead
Catch what you expect and log it; Java exceptions are not Python \`Exception\`s, so catch \`java.lang.Throwable\` too:
\`\`\`python
from java.lang import Throwable
try:
	system.db.runNamedQuery("LogPageView", params)
except (Exception, Throwable), e:
	system.util.getLogger("Session").warn("page view not logged: %s" % e)
\`\`\``,
  nodeTypes: ['except_clause'],
  check({ script, nodes, report }) {
    if (!/\bexcept\s*:/.test(script.text)) return;
    for (const clause of nodes('except_clause')) {
      if (clause.namedChildren.some((c) => c && c.type !== 'block' && c.type !== 'comment')) continue;
      const block = clause.namedChildren.find((c) => c?.type === 'block');
      const statements = block?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
      if (statements.length === 0 || !statements.every((s) => s?.type === 'pass_statement' || s?.type === 'continue_statement')) continue;
      const tryBody = clause.parent?.childForFieldName('body');
      if (!tryBody || !/\bsystem\s*\.\s*\w+\s*\.\s*\w+\s*\(/.test(tryBody.text)) continue;
      report({
        start: clause.startIndex,
        end: clause.children[1]?.endIndex ?? clause.startIndex + 6,
        message: 'a bare `except: pass` hides every failure of the system.* calls above; catch the exceptions you expect and log them',
      });
    }
  },
};
