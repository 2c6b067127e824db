// The registry of CLI commands: a command exists in `periscope --help` exactly when it is listed here.
import type { Command } from './command';

export const commands: Command[] = [];
