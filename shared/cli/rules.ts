// `periscope rules`: lists the lint rules, or prints one rule's documentation.
import type { Command } from './command';
import { rules, findRule } from '../lint/rules/index';
import { nearestName } from '../api/index';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the lint rules, or show one rule\'s documentation',
  help: `Usage: periscope rules [rule-id]

Without an argument, lists every rule: id, default severity and summary. With a rule id, prints its documentation
(what it reports, why it matters, an example and what to write instead).
`,
  async run(args, io) {
    if (args.length > 1) {
      io.stderr('periscope rules: give at most one rule id\n');
      return 2;
    }
    if (args.length === 1) {
      const rule = findRule(args[0]);
      if (!rule) {
        const near = nearestName(args[0], rules.map((r) => r.id));
        io.stderr(`periscope rules: no rule '${args[0]}'${near ? `; did you mean '${near}'?` : ''} Run 'periscope rules' for the list.\n`);
        return 2;
      }
      io.stdout(`# ${rule.id} (${rule.defaultSeverity}${rule.safeFix ? ', fixable' : ''})\n\n${rule.summary}\n\n${rule.doc}\n`);
      return 0;
    }
    const idWidth = Math.max(...rules.map((r) => r.id.length));
    const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(7)}  ${r.summary}`);
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
