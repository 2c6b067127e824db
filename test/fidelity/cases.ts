// The fidelity suite's cases: hand-written Python 2 programs by family, and the sources whose scripts run through
// scenarios (the seed document and the fixture projects).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A standalone Python 2 program: runs on Debian's `jython` directly and on every engine through the runtime. */
export interface ProgramCase {
  /** `family/name`, the program's path under `scripts/` without `.py`. */
  id: string;
  family: string;
  file: string;
  /**
   * Run with `--strict`, as the program asks with a `# fidelity: strict` line: what it checks is how the gateway
   * refuses a script, which lenient mode changes on purpose (its lowering has tests of its own).
   */
  strict: boolean;
}

/** The line a program carries to be run with `--strict`. */
const strictMarker = /^# fidelity: strict\b/m;

/**
 * A source run through its scenario on every engine; each of its scripts is a case of its own, compared by the
 * part of the trace its runs produced.
 */
export interface SourceCase {
  family: string;
  source: string;
  scenario?: string;
}

export const scriptsFolder = 'test/fidelity/scripts';

/** Families in the order the report lists them: the most common in real Ignition scripts first. */
export const families: Array<{ name: string; title: string }> = [
  { name: 'java', title: 'the Java platform (java.util, java.lang, java.text, Java exceptions)' },
  { name: 'unicode', title: 'str and unicode as two types, encodings, byte strings' },
  { name: 'dict-order', title: "dict and set iteration order (Jython's hash map)" },
  { name: 'float', title: 'float formatting, rounding, cmp and coerce' },
  { name: 'long', title: 'long as a type, in repr, hex and oct' },
  { name: 'comparison', title: 'ordering across unrelated types, sort with cmp' },
  { name: 'special-methods', title: '__cmp__, __nonzero__, __div__, __unicode__, __metaclass__' },
  { name: 'scoping', title: 'comprehension variables, except E, e, sys.exc_info' },
  { name: 'old-style-classes', title: 'old-style classes, unbound methods, classic MRO' },
  { name: 'builtins', title: 'Python 2 builtins, names and exception messages' },
  { name: 'statements', title: 'Python 2 statements and syntax' },
  { name: 'session-python2', title: 'Python 2 meanings across the runtime: gateway values, props, logs, queries' },
  { name: 'seed', title: 'the seed document (examples/seed) through its scenario' },
  { name: 'project-81', title: 'the 8.1 fixture project through its scenario' },
  { name: 'project-83', title: 'the 8.3 fixture project through its scenario' },
];

export function programCases(): ProgramCase[] {
  const cases: ProgramCase[] = [];
  for (const family of readdirSync(scriptsFolder).sort()) {
    if (!families.some((f) => f.name === family)) throw new Error(`${scriptsFolder}/${family}: not a family of the suite; add it to families in cases.ts`);
    for (const name of readdirSync(join(scriptsFolder, family)).filter((f) => f.endsWith('.py')).sort()) {
      const file = join(scriptsFolder, family, name);
      cases.push({ id: `${family}/${name.slice(0, -3)}`, family, file, strict: strictMarker.test(readFileSync(file, 'utf8')) });
    }
  }
  return cases;
}

export function sourceCases(): SourceCase[] {
  const sources: SourceCase[] = [
    {
      family: 'session-python2',
      source: 'test/fidelity/sources/session-python2/session-scripts.py',
      scenario: 'test/fidelity/sources/session-python2/scenario.json',
    },
    { family: 'seed', source: 'examples/seed', scenario: 'examples/seed/scenario.json' },
    { family: 'project-81', source: 'test/fixtures/project-81', scenario: 'test/fixtures/project-81/scenario.json' },
    { family: 'project-83', source: 'test/fixtures/project-83', scenario: 'test/fixtures/project-83/scenario.json' },
  ];
  for (const s of sources) if (s.scenario && !existsSync(s.scenario)) throw new Error(`${s.scenario}: missing`);
  return sources;
}
