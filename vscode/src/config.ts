// The extension's settings, read in one place; the language server receives them under "periscope".
import * as vscode from 'vscode';

export type EngineSetting = 'auto' | 'pyodide' | 'jython';

export interface PeriscopeSettings {
  target: '8.1' | '8.3' | 'auto';
  fixturesFile: string;
  strict: boolean;
  /** The engine runs use: Jython only in a trusted workspace (it runs the project's code on the JVM), else Pyodide. */
  engine: EngineSetting;
  nodePath: string;
  scriptTimeoutSeconds: number;
}

export function readSettings(): PeriscopeSettings {
  const c = vscode.workspace.getConfiguration('periscope');
  const wanted = c.get<EngineSetting>('engine', 'auto');
  return {
    target: c.get<'8.1' | '8.3' | 'auto'>('target', 'auto'),
    fixturesFile: c.get<string>('fixturesFile', ''),
    strict: c.get<boolean>('strict', false),
    engine: vscode.workspace.isTrusted ? wanted : 'pyodide',
    nodePath: c.get<string>('nodePath', ''),
    scriptTimeoutSeconds: c.get<number>('scriptTimeoutSeconds', 10),
  };
}
