// The linter: parses scripts once, gathers project facts, runs every rule and maps findings to the original file.
import type { Parser, Tree, Node as SyntaxNode } from 'web-tree-sitter';
import { createPythonParser } from '../python/parser';
import type { Script } from '../source/script';
import type { Finding, ProjectFacts, Rule, ScriptContext, Severity, TargetVersion } from './rule';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { rules as registeredRules } from './rules/index';
import { gatherFacts } from './facts';
import { collectNodes } from './syntax';
import { mapFix } from './map-fix';
import { isSuppressed } from './suppression';
import { providedNames } from './scope';
import { scriptsOfText } from './text-scripts';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** The Ignition version the scripts will run on; 8.3 unless said otherwise. */
  target?: TargetVersion;
  /** Per-rule severity, or `off`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Facts about the whole project, when the scripts linted are only part of it (an editor's open file). */
  project?: ProjectFacts;
  /** More names every script may use, such as library packages a project inherits from its parent. */
  globals?: readonly string[];
}

/** A script with its tree and the nodes the rules asked for. */
export interface ParsedScript {
  script: Script;
  tree: Tree;
  nodes: Map<string, SyntaxNode[]>;
}

export const DEFAULT_TARGET: TargetVersion = '8.3';

export class Linter {
  private readonly nodeTypes: ReadonlySet<string>;

  private constructor(
    private readonly parser: Parser,
    readonly rules: readonly Rule[],
  ) {
    this.nodeTypes = new Set(['call', ...rules.flatMap((r) => r.nodeTypes ?? [])]);
  }

  /** A linter with its own parser, kept alive between runs so each keystroke costs only a parse. */
  static async create(rules: readonly Rule[] = registeredRules): Promise<Linter> {
    return new Linter(await createPythonParser(), rules);
  }

  /** Parses a script; with `oldTree` (already `edit()`ed), tree-sitter re-parses only what changed. */
  parse(script: Script, oldTree?: Tree): ParsedScript {
    const tree = this.parser.parse(script.text, oldTree ?? null);
    if (!tree) throw new Error(`the Python parser gave up on ${script.id}`);
    return { script, tree, nodes: collectNodes(tree, this.nodeTypes) };
  }

  /** Lints scripts that belong together (a document, a project), facts gathered across all of them. */
  lintScripts(scripts: readonly Script[], options: LintOptions = {}): Diagnostic[] {
    const parsed = scripts.map((s) => this.parse(s));
    try {
      return this.lintParsed(parsed, options);
    } finally {
      for (const p of parsed) p.tree.delete();
    }
  }

  lintParsed(parsed: readonly ParsedScript[], options: LintOptions = {}): Diagnostic[] {
    const project = options.project ?? gatherFacts(parsed.map((p) => ({ script: p.script, calls: p.nodes.get('call') ?? [] })), true);
    const provided = providedNames(parsed, options.globals);
    const diagnostics: Diagnostic[] = [];
    for (const p of parsed) diagnostics.push(...this.lintOne(p, project, provided(p.script), options));
    return diagnostics.sort(compareDiagnostics);
  }

  private lintOne(parsed: ParsedScript, project: ProjectFacts, definedNames: ReadonlySet<string>, options: LintOptions): Diagnostic[] {
    const { script, tree, nodes } = parsed;
    const out: Diagnostic[] = [];
    const nodesOf = (type: string): readonly SyntaxNode[] => {
      let list = nodes.get(type);
      if (!list) {
        list = collectNodes(tree, new Set([type])).get(type)!;
        nodes.set(type, list);
      }
      return list;
    };
    for (const rule of this.rules) {
      const setting = options.rules?.[rule.id];
      if (setting === 'off') continue;
      const context: ScriptContext = {
        script, tree, definedNames, project, target: options.target ?? DEFAULT_TARGET,
        nodes: nodesOf,
        report: (finding) => {
          const diagnostic = toDiagnostic(script, rule, finding, setting);
          if (diagnostic) out.push(diagnostic);
        },
      };
      rule.check(context);
    }
    return out;
  }

  dispose(): void {
    this.parser.delete();
  }
}

function toDiagnostic(script: Script, rule: Rule, finding: Finding, setting: Severity | undefined): Diagnostic | undefined {
  const start = finding.node?.startIndex ?? finding.start ?? 0;
  const end = Math.max(start, finding.node?.endIndex ?? finding.end ?? start);
  if (isSuppressed(script.text, start, rule.id)) return undefined;
  const from = script.origin.position(start);
  const to = script.origin.position(end);
  const diagnostic: Diagnostic = {
    file: script.origin.file,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    severity: setting ?? finding.severity ?? rule.defaultSeverity,
    rule: rule.id,
    message: finding.message,
  };
  const fix = finding.fix && mapFix(script, finding.fix);
  if (fix) diagnostic.fix = fix;
  return diagnostic;
}

let shared: Promise<Linter> | undefined;

/** The process-wide linter with every registered rule. */
export function sharedLinter(): Promise<Linter> {
  shared ??= Linter.create();
  return shared;
}

export async function lintScripts(scripts: readonly Script[], options: LintOptions = {}): Promise<Diagnostic[]> {
  return (await sharedLinter()).lintScripts(scripts, options);
}

/** Lints one file's text: a session-script document (.md) or a Python module (.py). */
export async function lintText(file: string, text: string, options: LintOptions = {}): Promise<Diagnostic[]> {
  const { scripts } = await scriptsOfText(file, text);
  return lintScripts(scripts, options);
}
