// The `periscope` command line over a list of commands: dispatches to them, prints the overview and help, and turns
// failures into exit codes. `main.ts` runs it with every command, `main-lint.ts` with the linter's alone.
import { dropOutputNobodyReads, processIo, UsageError, type CliIo, type Command } from './command';
import { INTERNAL_ERROR_EXIT, reportInternalError } from './internal-error';

function overview(commands: readonly Command[]): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'periscope: developer tools for Ignition Perspective session scripts',
    '',
    'Usage: periscope <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'periscope <command> --help' for a command's options. Every command takes --debug (print the stack of an",
    'internal error). Exit codes: 0 ran cleanly, 1 findings or failed expectations, 2 bad usage or unreadable input,',
    '3 an internal error (a bug in Periscope).',
    '',
  ].join('\n');
}

export async function dispatch(commands: readonly Command[], argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((arg) => arg !== '--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`periscope: unknown command '${name}'.\n\n${overview(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : command.help + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`periscope ${name}: ${error.message}\nRun 'periscope ${name} --help' for usage.\n`);
      return 2;
    }
    return reportInternalError(error, name, argv, debug, io);
  }
}

/**
 * The process entry point: `main`, and the same one-line report and exit code 3 for an error that escapes it (a
 * worker's, a stream's) instead of Node's stack dump.
 */
export async function runProcess(commands: readonly Command[], argv: string[]): Promise<void> {
  process.setSourceMapsEnabled(true);
  const debug = argv.includes('--debug');
  const crash = (error: unknown) => {
    reportInternalError(error, argv.find((a) => !a.startsWith('-')) ?? '', argv, debug, processIo);
    process.exit(INTERNAL_ERROR_EXIT);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  dropOutputNobodyReads();
  process.exitCode = await dispatch(commands, argv, processIo);
}
