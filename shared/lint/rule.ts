// The contract of a lint rule: one rule per file under shared/lint/rules/, registered in shared/lint/rules/index.ts.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import type { Script } from '../source/script';
import type { ScriptScope } from '../source/script-kind';

export type Severity = 'error' | 'warning' | 'info';
export type TargetVersion = '8.1' | '8.3';
/** The Python engine that runs the scripts in a simulation. */
export type EngineName = 'pyodide' | 'jython';

export interface RuleDoc {
  /** Stable id, e.g. `py3-only`; never renamed once published. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence for `periscope rules` and hovers. */
  summary: string;
  /** Markdown: what it does, why it is bad, an example, what to write instead. docs/rules.md is built from it. */
  doc: string;
  /** True when the rule offers a fix that `--fix` may apply without changing meaning. */
  safeFix?: boolean;
  /**
   * The scope whose scripts the rule checks: `perspective` rules (about sessions and pages) are off for gateway
   * scripts, `gateway` rules only check them; absent, every script. Library code counts as Perspective code.
   */
  scope?: 'perspective' | 'gateway';
  /**
   * True for rules that report problems of the project's files (a missing view, a missing parent project), found
   * while loading it rather than in a script's code.
   */
  project?: boolean;
}

/** A replacement in a script's `text` (offsets in that text, UTF-16 code units). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix`; others are offered in the editor only. */
  safe: boolean;
}

export interface Finding {
  /** The node the finding is about, or an explicit range in the script's text. */
  node?: SyntaxNode;
  start?: number;
  end?: number;
  message: string;
  fix?: Fix;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** Findings with the same key are reported once per lint run, at the first place found (one per project). */
  once?: string;
}

/** What every rule sees for one script. */
export interface ScriptContext {
  /**
   * The script. Scripts alike in all but where they sit are checked once (lint/alike.ts): a rule reads the text,
   * the role but for its `view` and `component`, the wrapper and the file's extension, not `id`, `origin` or `title`.
   */
  script: Script;
  tree: Tree;
  target: TargetVersion;
  /** Where the script runs: a Perspective session, the gateway's own scope, or either (library code). */
  scope: ScriptScope;
  /** The engine that runs the scripts, when known: rules about one engine's differences from Jython read it. */
  engine?: EngineName;
  /** Names the gateway defines for this script (its wrapper's parameters, `system`, builtins...). */
  definedNames: ReadonlySet<string>;
  /** Facts about the whole set of scripts being linted together (message types sent and handled, ...). */
  project: ProjectFacts;
  /**
   * Every node of a type in document order, in the part of the script being checked: all of it, or after an edit
   * the top-level statements the edit touched. The types named in the rules' `nodeTypes` come from one shared walk.
   */
  nodes(type: string): readonly SyntaxNode[];
  /** How the whole script binds, reads and calls names. */
  names: ScriptNames;
  /** Whether the part of the script being checked matches `pattern`: a cheap test before asking for rare node types. */
  mentions(pattern: RegExp): boolean;
  report(finding: Finding): void;
}

export interface ProjectFacts {
  /** Message types handled by Session Events message handlers. */
  sessionMessageTypes: ReadonlySet<string>;
  /** Message types handled by component message handlers. */
  componentMessageTypes: ReadonlySet<string>;
  /** Message types sent with system.util.sendMessage / system.perspective.sendMessage, when literal. */
  sentByUtil: ReadonlySet<string>;
  sentByPerspective: ReadonlySet<string>;
  /** False when only part of a project is linted, so "nothing sends to this handler" cannot be known. */
  complete?: boolean;
  /**
   * The parent project the export names but does not hold: names its library could define are then reported once
   * each, as information, not as undefined at every use.
   */
  missingParent?: string;
}

/** A name read where no enclosing function has it as a parameter and the gateway does not define it. */
export interface NameRead {
  name: string;
  start: number;
  end: number;
}

export interface ScriptNames {
  /** Names bound anywhere in the script: assigned, imported, defined, caught (parameters aside). */
  bound: ReadonlySet<string>;
  /** Every read that only a binding in the script can satisfy, in document order. */
  reads: readonly NameRead[];
  /** Names called as plain functions somewhere in the script, `name(...)`. */
  called: ReadonlySet<string>;
  /** True when the script has `from __future__ import print_function`. */
  printFunction: boolean;
}

export interface Rule extends RuleDoc {
  /** Node types the rule reads through `context.nodes()`, gathered for all rules in one walk. */
  nodeTypes?: readonly string[];
  /**
   * Checks the nodes `context.nodes()` gives. A finding about a node may depend on the top-level statement holding
   * it, `names`, `definedNames` and `project`, nothing else: after an edit, only the statements it touched are
   * checked again and the other statements keep their findings.
   */
  check?(context: ScriptContext): void;
  /** Checks the script as a whole (its syntax, its shape, names across statements), on every lint. */
  checkScript?(context: ScriptContext): void;
}
