// `periscope` command line: dispatches to the registered commands and turns failures into exit codes.
import { commands } from './commands';
import { processIo, UsageError, type CliIo } from './command';

function overview(): string {
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
    "Run 'periscope <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`periscope: unknown command '${name}'.\n\n${overview()}`);
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
    throw error;
  }
}
