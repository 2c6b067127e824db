// `periscope` command line with every registered command.
import { commands } from './commands';
import { processIo, type CliIo } from './command';
import { dispatch, runProcess } from './dispatch';

export function main(argv: string[], io: CliIo = processIo): Promise<number> {
  return dispatch(commands, argv, io);
}

/** The process entry point of the full command line (bin/periscope.cjs). */
export function runCli(argv: string[]): Promise<void> {
  return runProcess(commands, argv);
}
