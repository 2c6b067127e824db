// The registry of CLI commands: a command exists in `periscope --help` exactly when it is listed here.
import type { Command } from './command';
import { lintCommand } from './lint';
import { lspCommand } from './lsp';
import { rulesCommand } from './rules';
import { serveCommand } from './serve';
import { simulateCommand } from './simulate';
import { testCommand } from './test';

export const commands: Command[] = [
  lintCommand,
  lspCommand,
  rulesCommand,
  serveCommand,
  simulateCommand,
  testCommand,
];
