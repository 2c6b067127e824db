// host-access: code that reaches the machine the gateway runs on (processes, files, sockets), reported so a reviewer sees it.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule, ScriptContext } from '../rule';
import { calleeName, dottedName } from '../syntax';

/** Python modules whose point is the host: its processes, shell, files and sockets. */
const HOST_MODULES: Record<string, string> = {
  os: 'runs commands and changes files on the gateway server',
  subprocess: 'starts processes on the gateway server',
  commands: 'runs shell commands on the gateway server',
  popen2: 'starts processes on the gateway server',
  pty: 'starts processes on the gateway server',
  shutil: 'copies and deletes files on the gateway server',
  socket: 'opens network connections from the gateway server',
};

/** Java classes that do the same from Jython. */
const HOST_CLASSES: Record<string, string> = {
  'java.lang.Runtime': 'runs commands on the gateway server',
  'java.lang.ProcessBuilder': 'starts processes on the gateway server',
  'java.io.File': 'reads and changes files on the gateway server',
  'java.io.FileWriter': 'writes files on the gateway server',
  'java.io.FileOutputStream': 'writes files on the gateway server',
  'java.io.FileInputStream': 'reads files on the gateway server',
  'java.io.FileReader': 'reads files on the gateway server',
  'java.io.RandomAccessFile': 'reads and writes files on the gateway server',
  'java.nio.file.Files': 'reads and changes files on the gateway server',
  'java.nio.file.Paths': 'names files on the gateway server',
  'java.net.Socket': 'opens network connections from the gateway server',
  'java.net.ServerSocket': 'listens for network connections on the gateway server',
};

/** Pyodide's ways out to its JavaScript host: no gateway has them, and they reach whatever runs Pyodide. */
const PYODIDE_MODULES = new Set(['js', 'pyodide', 'pyodide_js']);

/** Ignition functions whose job is the host. */
const HOST_FUNCTIONS: Record<string, string> = {
  'system.util.execute': 'runs a command on the gateway server',
};

export const hostAccess: Rule = {
  id: 'host-access',
  defaultSeverity: 'info',
  summary: 'Code that reaches the gateway server itself (`os`, `subprocess`, `java.lang.Runtime.exec`, `ProcessBuilder`, `system.util.execute`...), which runs there with the gateway\'s rights.',
  doc: `## What it does
Reports imports of \`os\`, \`subprocess\`, \`shutil\`, \`socket\` and the like, Java classes that start processes or
touch files and sockets (\`java.lang.Runtime\`, \`java.lang.ProcessBuilder\`, \`java.io.File\`...), calls of
\`system.util.execute\`, and Pyodide's \`js\`/\`pyodide\` modules. It is information, not an error: such code can be
meant, but a reviewer should see it.

## Why is this bad?
Session scripts run on the gateway, as the gateway service's user: a command they start, or a file they write,
runs or lands on the server with the gateway's rights, for every session that triggers it. A script received from
someone else, or one that builds a command from a session's input, is then a way into the server. \`js\` and
\`pyodide\` do not exist on a gateway at all (its Jython raises \`ImportError\`); in Pyodide they reach the machine
that runs it.

## Example
\`\`\`python
import subprocess

def handleMessage(session, payload):
	subprocess.call("ping -c 1 " + payload["host"], shell=True)
\`\`\`

## Use instead
Ignition's own functions for the job, whose effects are scoped and logged (\`system.net.httpGet\`,
\`system.tag.writeBlocking\`, a named query), or a gateway message handler that checks its inputs. Where host
access is meant, say so on the line: \`# periscope: ignore[host-access]\`.`,
  nodeTypes: ['import_statement', 'import_from_statement', 'attribute', 'call'],
  check({ nodes, report, mentions }) {
    if (!mentions(/\b(import|java|system\.util\.execute)\b/)) return;
    for (const statement of nodes('import_statement')) {
      for (const imported of statement.namedChildren) {
        const module = moduleName(imported);
        if (module) reportModule(module, imported, report);
      }
    }
    for (const statement of nodes('import_from_statement')) {
      const moduleNode = statement.childForFieldName('module_name');
      const module = moduleNode?.text.replace(/\s+/g, '');
      if (!moduleNode || !module) continue;
      if (reportModule(module, moduleNode, report)) continue;
      for (const imported of statement.childrenForFieldName('name')) {
        const name = moduleName(imported);
        const cls = name && HOST_CLASSES[`${module}.${name}`];
        if (cls) report({ node: imported, message: message(`${module}.${name}`, cls) });
      }
    }
    for (const attribute of nodes('attribute')) {
      const name = dottedName(attribute);
      // Exact names only: `java.lang.Runtime.getRuntime().exec` holds `java.lang.Runtime` once.
      if (name && Object.hasOwn(HOST_CLASSES, name)) report({ node: attribute, message: message(name, HOST_CLASSES[name]) });
    }
    for (const call of nodes('call')) {
      const name = calleeName(call);
      if (name && Object.hasOwn(HOST_FUNCTIONS, name)) report({ node: call.childForFieldName('function') ?? call, message: message(name, HOST_FUNCTIONS[name]) });
    }
  },
};

/** Reports an imported module (or Java class) that reaches the host; true when it did. */
function reportModule(module: string, node: SyntaxNode, report: ScriptContext['report']): boolean {
  const root = module.split('.')[0];
  if (PYODIDE_MODULES.has(root)) {
    report({ node, message: `\`${root}\` is Pyodide's bridge to its JavaScript host, not a gateway module: a gateway's Jython raises ImportError here, and under Pyodide it reaches the machine running it`, severity: 'warning' });
    return true;
  }
  const what = Object.hasOwn(HOST_MODULES, module) ? HOST_MODULES[module] : Object.hasOwn(HOST_CLASSES, module) ? HOST_CLASSES[module] : undefined;
  if (!what) return false;
  report({ node, message: message(module, what) });
  return true;
}

function message(name: string, what: string): string {
  return `\`${name}\` ${what}: on a gateway this runs with the gateway service's rights, so make sure it is meant and that nothing a session sends can steer it`;
}

/** `os` for `import os`, `import os as o`, `from x import os`; the dotted name for `import java.lang.Runtime`. */
function moduleName(node: SyntaxNode): string | undefined {
  const name = node.type === 'aliased_import' ? node.childForFieldName('name') : node;
  return name?.type === 'dotted_name' || name?.type === 'identifier' ? name.text.replace(/\s+/g, '') : undefined;
}
