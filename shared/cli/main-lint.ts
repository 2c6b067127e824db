// The entry of the bundle that runs `periscope lint` and `periscope rules`: without the runtime, the engines, the dev
// gateway and the language server, it loads in half the time, which is most of a small project's lint
// (docs/benchmarks.md). bin/periscope.cjs chooses it for these two commands.
import { lintCommand } from './lint';
import { rulesCommand } from './rules';
import { runProcess } from './dispatch';

/** The commands this bundle runs; any other goes to the full command line. */
export const LINT_COMMANDS = [lintCommand, rulesCommand];

export function runCli(argv: string[]): Promise<void> {
  return runProcess(LINT_COMMANDS, argv);
}
