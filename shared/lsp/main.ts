// Entry of the language server bundle VS Code's extension starts (over IPC); `periscope lsp` starts the same server.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
