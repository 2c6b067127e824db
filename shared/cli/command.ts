// The contract every `periscope <command>` implements, and the I/O it writes through (so tests can capture it).

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal: commands may colour their output. */
  isTTY: boolean;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `periscope --help`. */
  summary: string;
  /** The whole text of `periscope <name> --help`. */
  help: string;
  /** Returns the process exit code: 0 ran, 1 findings or failed expectations, 2 bad usage or unreadable input (an error thrown instead is a bug: main() reports it and exits 3). */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called; main() prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** The value given after `option` at `args[index]`; a missing one (or another option there) is a UsageError. */
export function optionValue(args: readonly string[], index: number, option: string): string {
  const value = args[index];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
  return value;
}

/** Output streams whose reader has gone (`periscope lint | head`): what they would get next is dropped. */
const unread = new Set<NodeJS.WriteStream>();

/**
 * A reader that stops reading (`| head`, a pager closed early) makes the next write fail with EPIPE. That is neither
 * a bug nor a reason to stop half way (a `--fix` run must not end between two files): the command runs to its end
 * and exits with its own code, and only the output nobody reads is dropped. Any other stream error stays a crash.
 */
export function dropOutputNobodyReads(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      unread.add(stream);
    });
  }
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!unread.has(stream)) stream.write(text);
}

export const processIo: CliIo = {
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};
