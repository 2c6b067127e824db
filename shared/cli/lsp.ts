// `periscope lsp --stdio`: the language server that VS Code's extension starts, for any editor that speaks LSP.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { UsageError, type Command } from './command';

const HELP = `Usage: periscope lsp --stdio

Starts Periscope's language server, speaking the Language Server Protocol on standard input and output:
diagnostics from the linter, quick fixes, hovers, completion, signature help, go to definition and references,
Run lenses over session events and message handlers, and editing of scripts stored in JSON files.

Editors: VS Code uses the Periscope extension (vscode/); Neovim, Helix, Emacs and others start this command.
Settings arrive as initializationOptions or workspace/didChangeConfiguration under "periscope":
  target "8.1"|"8.3"|"auto", fixturesFile, strict, nodePath, scriptTimeoutSeconds.
`;

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'Start the language server for editors (LSP over stdio)',
  help: HELP,
  run(args) {
    const transport = args.find((a) => a === '--stdio' || a === '--node-ipc');
    const unknown = args.find((a) => a !== transport && !a.startsWith('--clientProcessId'));
    if (!transport) throw new UsageError('say how the editor talks to the server: --stdio');
    if (unknown) throw new UsageError(`unknown option '${unknown}'`);
    startServer(transport === '--stdio' ? createConnection(ProposedFeatures.all, process.stdin, process.stdout) : createConnection(ProposedFeatures.all));
    // The server runs until the editor sends `exit`, which ends the process.
    return new Promise<number>(() => {});
  },
};
