// The contract of a lint rule: one rule per file under shared/lint/rules/, registered in shared/lint/rules/index.ts.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import type { Script } from '../source/script';

export type Severity = 'error' | 'warning' | 'info';
export type TargetVersion = '8.1' | '8.3';

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
}

/** What every rule sees for one script. */
export interface ScriptContext {
  script: Script;
  tree: Tree;
  target: TargetVersion;
  /** Names the gateway defines for this script (its wrapper's parameters, `system`, builtins...). */
  definedNames: ReadonlySet<string>;
  /** Facts about the whole set of scripts being linted together (message types sent and handled, ...). */
  project: ProjectFacts;
  /** Every node of a type in document order; the types named in the rule's `nodeTypes` come from one shared walk. */
  nodes(type: string): readonly SyntaxNode[];
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
}

export interface Rule extends RuleDoc {
  /** Node types the rule reads through `context.nodes()`, gathered for all rules in one walk. */
  nodeTypes?: readonly string[];
  check(context: ScriptContext): void;
}
