// skipped-by-jython: text Jython's tokenizer drops without a word (an unclosed string, a lone `!`, a stray backslash).
import type { Rule } from '../rule';
import { jythonLexOf } from '../jython-parse';

const WHAT = {
  'unclosed string': 'this string is not closed on its line, so Jython drops it together with the line break: the next line becomes part of this statement',
  'unclosed triple-quoted string': 'this triple-quoted string is never closed, so Jython drops everything from here to the end of the script: none of it runs',
  'lone !': 'Jython drops this `!` and the character after it (there is no `!` operator; `!=` is written without a space)',
  'stray backslash': 'Jython drops this backslash and the character after it (a backslash continues a line only as its last character)',
} as const;

export const skippedByJython: Rule = {
  id: 'skipped-by-jython',
  defaultSeverity: 'warning',
  summary: 'Text Jython silently drops when it compiles: an unclosed string, a lone `!`, a stray backslash; the script runs without it.',
  doc: `## What it does
Reports what Jython 2.7's tokenizer skips without an error when it compiles a script: a string not closed on its
line (dropped with the line break, joining the next line to this one), a triple-quoted string never closed
(everything after it is dropped), a \`!\` not followed by \`=\`, a backslash that is not the last character of its
line (each dropped with the character after it). The script compiles, so the gateway logs nothing, and runs
something other than what is written. Periscope runs it the same way.

## Why is this bad?
\`if leaderId ! == "":\` runs as \`if leaderId == "":\`, the opposite of what was meant. A \`"""\` opened to comment
out the end of a script silently removes it. Neither shows in the gateway log.

## Example
\`\`\`python
if leaderId ! == "":
	addLeader(leaderId)
\`\`\`

## Use instead
\`\`\`python
if leaderId != "":
	addLeader(leaderId)
\`\`\``,
  checkScript({ tree, report }) {
    for (const range of jythonLexOf(tree).dropped) {
      report({ start: range.start, end: Math.max(range.start + 1, range.end), message: WHAT[range.why] });
    }
  },
};
