// The names a script may use without defining them: Python 2.7's builtins and what Ignition puts in every script's globals.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Script } from '../source/script';
import { sameNode } from './syntax';

const PYTHON2_BUILTINS = [
  'abs', 'all', 'any', 'apply', 'basestring', 'bin', 'bool', 'buffer', 'bytearray', 'bytes', 'callable', 'chr',
  'classmethod', 'cmp', 'coerce', 'compile', 'complex', 'copyright', 'credits', 'delattr', 'dict', 'dir', 'divmod',
  'enumerate', 'eval', 'execfile', 'exit', 'file', 'filter', 'float', 'format', 'frozenset', 'getattr', 'globals',
  'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'intern', 'isinstance', 'issubclass', 'iter', 'len',
  'license', 'list', 'locals', 'long', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct', 'open', 'ord',
  'pow', 'print', 'property', 'quit', 'range', 'raw_input', 'reduce', 'reload', 'repr', 'reversed', 'round', 'set',
  'setattr', 'slice', 'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'unichr', 'unicode', 'vars',
  'xrange', 'zip', '__import__', '__name__', '__file__', '__doc__', '__builtins__', 'True', 'False', 'None',
  'NotImplemented', 'Ellipsis', '__debug__',
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BufferError', 'BytesWarning',
  'DeprecationWarning', 'EOFError', 'EnvironmentError', 'Exception', 'FloatingPointError', 'FutureWarning',
  'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError', 'IndexError', 'KeyError',
  'KeyboardInterrupt', 'LookupError', 'MemoryError', 'NameError', 'NotImplementedError', 'OSError',
  'OverflowError', 'PendingDeprecationWarning', 'ReferenceError', 'RuntimeError', 'RuntimeWarning',
  'StandardError', 'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError',
  'TypeError', 'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError',
  'UnicodeTranslateError', 'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError',
];

/** What the gateway adds to every script's globals: the scripting API and the legacy `shared` package. */
const IGNITION_GLOBALS = ['system', 'shared'];

const BASE = new Set([...PYTHON2_BUILTINS, ...IGNITION_GLOBALS]);

/** Globals plus names the scripts linted together provide (library packages, a document's module-level names). */
export function globalNames(extra: Iterable<string> = []): ReadonlySet<string> {
  const names = new Set(BASE);
  for (const n of extra) names.add(n);
  return names;
}

/** Names bound at the top level of a module: functions, classes, assigned names, imports. */
export function moduleLevelNames(root: SyntaxNode): string[] {
  return root.namedChildren.flatMap((child) => (child ? statementNames(child) : []));
}

/** Names one top-level statement binds in its module. */
export function statementNames(child: SyntaxNode): string[] {
  const names: string[] = [];
  const stmt = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
  if (!stmt) return names;
  if (stmt.type === 'function_definition' || stmt.type === 'class_definition') {
    const name = stmt.childForFieldName('name');
    if (name) names.push(name.text);
  } else if (stmt.type === 'expression_statement') {
    for (const expr of stmt.namedChildren) {
      for (let target: SyntaxNode | null = expr; target && target.type === 'assignment'; target = target.childForFieldName('right')) {
        const left = target.childForFieldName('left');
        if (left) names.push(...identifiersIn(left));
      }
    }
  } else if (stmt.type === 'import_statement' || stmt.type === 'import_from_statement') {
    for (const alias of stmt.namedChildren) {
      if (!alias || sameNode(alias, stmt.childForFieldName('module_name'))) continue;
      const name = alias.type === 'aliased_import' ? alias.childForFieldName('alias') : alias;
      if (name?.type === 'identifier') names.push(name.text);
      else if (name?.type === 'dotted_name') names.push(name.text.split('.')[stmt.type === 'import_statement' ? 0 : name.text.split('.').length - 1]);
    }
  }
  return names;
}

function identifiersIn(node: SyntaxNode): string[] {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'pattern_list' || node.type === 'tuple_pattern' || node.type === 'list_pattern' || node.type === 'list_splat_pattern') {
    return node.namedChildren.flatMap((c) => (c ? identifiersIn(c) : []));
  }
  return [];
}

/**
 * For each script, the extra names it may use: project library packages (importless in Ignition) and, for the
 * modules of one document, the names the document's other blocks define (the simulator runs them in one namespace).
 */
export function providedNames(parsed: readonly { script: Script; moduleNames: () => readonly string[] }[], globals: readonly string[] = []): (script: Script) => ReadonlySet<string> {
  const libraries = new Set<string>(globals);
  const byFile = new Map<string, Set<string>>();
  for (const { script, moduleNames } of parsed) {
    if (script.role.kind === 'library') libraries.add(script.role.module.split('.')[0]);
    if (script.role.kind === 'module') {
      const names = byFile.get(script.origin.file) ?? new Set<string>();
      for (const n of moduleNames()) names.add(n);
      byFile.set(script.origin.file, names);
    }
  }
  const cache = new Map<string, ReadonlySet<string>>();
  return (script) => {
    const file = script.role.kind === 'module' || script.role.kind === 'script-string' ? script.origin.file : '';
    // Scripts the gateway runs as module code get their namespace's names (a Tag Change script's newValue...).
    const key = script.globals ? `${file}\0${script.globals.join(',')}` : file;
    let names = cache.get(key);
    if (!names) {
      names = globalNames([...libraries, ...(byFile.get(file) ?? []), ...(script.globals ?? [])]);
      cache.set(key, names);
    }
    return names;
  };
}
