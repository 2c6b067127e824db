// The linter: parses scripts once, gathers project facts and names, runs every rule and maps findings to the original file.
import type { Parser, Tree, Node as SyntaxNode } from 'web-tree-sitter';
import { createPythonParser } from '../python/parser';
import type { Script } from '../source/script';
import type { EngineName, Finding, Fix, ProjectFacts, Rule, ScriptContext, ScriptNames, Severity, TargetVersion } from './rule';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { rules as registeredRules } from './rules/index';
import { factsFor, gatherFacts, sendCalls, sentMessages } from './facts';
import { collectNodes } from './syntax';
import { mapFix } from './map-fix';
import { isSuppressed } from './suppression';
import { moduleLevelNames, providedNames } from './scope';
import { NAME_NODE_TYPES, regionNames, scriptNames } from './names';
import { scriptsOfText } from './text-scripts';
import { scriptScope, type ScriptScope } from '../source/script-kind';
import { parseAsJython } from './jython-parse';
import { groupAlike } from './alike';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** The Ignition version the scripts will run on; 8.3 unless said otherwise. */
  target?: TargetVersion;
  /** The engine a simulation of these scripts uses; rules about its differences from Jython need it. */
  engine?: EngineName;
  /** Per-rule severity, or `off`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Facts about the whole project, when the scripts linted are only part of it (an editor's open file). */
  project?: ProjectFacts;
  /**
   * Facts of the rest of the project when the scripts linted are one file of it (an editor's open file, whose text
   * may differ from the disk): the scripts' own facts are added to them, so a handler and its sender stay in step.
   */
  projectRest?: ProjectFacts;
  /** More names every script may use, such as library packages a project inherits from its parent. */
  globals?: readonly string[];
  /** The parent project the scripts' project names but the export does not hold. */
  missingParent?: string;
}

/** A script with its tree. */
export interface ParsedScript {
  script: Script;
  tree: Tree;
  /** Scripts alike in all the rules read (see alike.ts): they get this one's findings, each at its own positions. */
  alike?: readonly Script[];
}

/** The nodes of the part of a script being checked, by type; types no rule declared are gathered when asked for. */
export type NodesOf = (type: string) => readonly SyntaxNode[];

/** A rule's finding with its positions read once from the tree, ready to be kept across edits. */
export interface RawFinding {
  rule: Rule;
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  fix?: Fix;
  once?: string;
}

/** What the rules see of a script besides its nodes. */
export interface ScriptSetting {
  definedNames: ReadonlySet<string>;
  names: ScriptNames;
  project: ProjectFacts;
  /** The ranges of text being checked, from the start of their first line; absent for the whole script. */
  checked?: ReadonlyArray<{ start: number; end: number }>;
}

export const DEFAULT_TARGET: TargetVersion = '8.3';

export class Linter {
  /** Every node type the rules and the name analysis read, gathered in one walk. */
  readonly nodeTypes: ReadonlySet<string>;

  private constructor(
    private readonly parser: Parser,
    readonly rules: readonly Rule[],
  ) {
    this.nodeTypes = new Set([...NAME_NODE_TYPES, ...rules.flatMap((r) => r.nodeTypes ?? [])]);
  }

  /** A linter with its own parser, kept alive between runs so each keystroke costs only a parse. */
  static async create(rules: readonly Rule[] = registeredRules): Promise<Linter> {
    return new Linter(await createPythonParser(), rules);
  }

  /**
   * Parses a script as Jython does: text its tokenizer skips (an unclosed string, a lone `!`) is blanked first,
   * offsets unchanged. With `oldTree` (already `edit()`ed), tree-sitter re-parses only what changed, unless
   * blanking changed text the edit did not touch; then it parses afresh.
   */
  parse(script: Script, oldTree?: Tree): ParsedScript {
    return { script, tree: parseAsJython(this.parser, script, oldTree) };
  }

  /** The nodes under `roots` (whole top-level statements, or a tree's root), the declared types in one walk each. */
  collect(roots: readonly SyntaxNode[]): { byType: Map<string, SyntaxNode[]>; of: NodesOf } {
    const byType = collectNodes(roots, this.nodeTypes);
    const of = (type: string): readonly SyntaxNode[] => {
      let list = byType.get(type);
      if (!list) {
        list = collectNodes(roots, new Set([type])).get(type)!;
        byType.set(type, list);
      }
      return list;
    };
    return { byType, of };
  }

  /** Lints scripts that belong together (a document, a project), facts gathered across all of them. */
  lintScripts(scripts: readonly Script[], options: LintOptions = {}): Diagnostic[] {
    const parsed = groupAlike(scripts).map(({ script, alike }) => ({ ...this.parse(script), alike }));
    try {
      return this.lintParsed(parsed, options);
    } finally {
      for (const p of parsed) p.tree.delete();
    }
  }

  lintParsed(parsed: readonly ParsedScript[], options: LintOptions = {}): Diagnostic[] {
    // Facts and names count every script, alike ones too (each handler's role names its message type).
    const project = factsFor(options, () => gatherFacts(parsed.flatMap((p) => {
      const sent = [sentMessages(() => sendCalls(p.tree.rootNode, p.script.text), p.script.text)];
      return everyOne(p).map((script) => ({ script, sent }));
    }), true, options.missingParent));
    const provided = providedNames(parsed.flatMap((p) => everyOne(p).map((script) => ({ script, moduleNames: () => moduleLevelNames(p.tree.rootNode) }))), options.globals);
    const diagnostics: Diagnostic[] = [];
    parsed.forEach((p) => {
      const of = this.collect([p.tree.rootNode]).of;
      const definedNames = provided(p.script);
      const region = regionNames({ identifiers: of('identifier'), calls: of('call'), futureImports: of('future_import_statement') }, p.script.text, definedNames);
      const findings = this.check(p, of, { definedNames, names: scriptNames([region]), project }, options);
      for (const script of everyOne(p)) diagnostics.push(...this.diagnostics(script, [...findings.statements, ...findings.script], options));
    });
    return reportOnce(diagnostics.sort(compareDiagnostics));
  }

  /**
   * Runs every rule on a script: `check` on the nodes `nodes` gives (the script's, or those of the statements an
   * edit touched), `checkScript` on the whole script.
   */
  check(parsed: ParsedScript, nodes: NodesOf, setting: ScriptSetting, options: LintOptions): { statements: RawFinding[]; script: RawFinding[] } {
    const { script, tree } = parsed;
    const statements: RawFinding[] = [];
    const whole: RawFinding[] = [];
    const target = options.target ?? DEFAULT_TARGET;
    const scope = scriptScope(script.role);
    const { checked, ...facts } = setting;
    const mentions = (pattern: RegExp): boolean => {
      const text = script.text;
      pattern.lastIndex = 0;
      return checked ? checked.some((r) => pattern.test(text.slice(r.start, r.end))) : pattern.test(text);
    };
    // One context for every rule of the script, reporting for the rule running: rules read it while they run.
    let rule: Rule | undefined;
    let out = statements;
    const context: ScriptContext = {
      script, tree, target, scope, engine: options.engine, nodes, mentions, ...facts,
      report: (finding) => out.push(rawFinding(rule!, finding)),
    };
    for (rule of this.rules) {
      if (options.rules?.[rule.id] === 'off' || !appliesTo(rule, scope)) continue;
      out = statements;
      rule.check?.(context);
      out = whole;
      rule.checkScript?.(context);
    }
    return { statements, script: whole };
  }

  /** Findings as diagnostics in the original file, suppressed ones left out. */
  diagnostics(script: Script, findings: readonly RawFinding[], options: LintOptions): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const finding of findings) {
      const diagnostic = toDiagnostic(script, finding, options.rules?.[finding.rule.id]);
      if (diagnostic) out.push(diagnostic);
    }
    return out;
  }

  dispose(): void {
    this.parser.delete();
  }
}

/** Whether a rule checks scripts of this scope (see `Rule.scope`). */
export function appliesTo(rule: Rule, scope: ScriptScope): boolean {
  if (rule.scope === 'perspective') return scope !== 'gateway';
  if (rule.scope === 'gateway') return scope === 'gateway';
  return true;
}

/** Keeps the first of the diagnostics that share a `once` key (sorted order), dropping the rest and the key. */
export function reportOnce(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.once === undefined) {
      kept.push(d);
    } else if (!seen.has(d.once)) {
      seen.add(d.once);
      const { once: _once, ...rest } = d;
      kept.push(rest);
    }
  }
  return kept;
}

/** A parsed script and the scripts alike that share its parse. */
function everyOne(parsed: ParsedScript): readonly Script[] {
  return parsed.alike?.length ? [parsed.script, ...parsed.alike] : [parsed.script];
}

function rawFinding(rule: Rule, finding: Finding): RawFinding {
  const start = finding.node?.startIndex ?? finding.start ?? 0;
  const end = Math.max(start, finding.node?.endIndex ?? finding.end ?? start);
  const raw: RawFinding = { rule, start, end, message: finding.message };
  if (finding.severity) raw.severity = finding.severity;
  if (finding.fix) raw.fix = finding.fix;
  if (finding.once) raw.once = finding.once;
  return raw;
}

function toDiagnostic(script: Script, finding: RawFinding, setting: RuleSetting | undefined): Diagnostic | undefined {
  const { rule, start, end } = finding;
  if (setting === 'off' || isSuppressed(script.text, start, rule.id)) return undefined;
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
  if (finding.once) diagnostic.once = finding.once;
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
