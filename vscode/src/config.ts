// The extension's settings, read in one place; the language server receives them under "periscope".
import * as vscode from 'vscode';

export type EngineSetting = 'auto' | 'pyodide' | 'jython';

export interface PeriscopeSettings {
  target: '8.1' | '8.3' | 'auto';
  fixturesFile: string;
  strict: boolean;
  /** The engine the person chose; the server runs Jython only when `trusted` (it runs the project's code on the JVM). */
  engine: EngineSetting;
  /** VS Code's Workspace Trust: an untrusted workspace runs on the sealed Pyodide engine. */
  trusted: boolean;
  nodePath: string;
  scriptTimeoutSeconds: number;
}

export function readSettings(): PeriscopeSettings {
  const c = vscode.workspace.getConfiguration('periscope');
  return {
    target: c.get<'8.1' | '8.3' | 'auto'>('target', 'auto'),
    fixturesFile: c.get<string>('fixturesFile', ''),
    strict: c.get<boolean>('strict', false),
    engine: c.get<EngineSetting>('engine', 'auto'),
    trusted: vscode.workspace.isTrusted,
    nodePath: c.get<string>('nodePath', ''),
    scriptTimeoutSeconds: c.get<number>('scriptTimeoutSeconds', 10),
  };
}
