// Choosing the Python engine: --engine, --jython, periscope.json, PERISCOPE_JYTHON, Debian's package and an Ignition
// install found without help, Java from the install, JAVA_HOME or PATH, and one line on what to install otherwise.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtures } from '../../shared/gateway-config/validate';
import { parseJsonFile } from '../../shared/loaders/json-file';
import { EngineUnavailable, planEngine, type EngineSelection } from '../../shared/runtime/engine-choice';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'periscope-engine-'));
  for (const file of files) {
    mkdirSync(join(root, file.endsWith('/') ? file : join(file, '..')), { recursive: true });
    if (!file.endsWith('/')) writeFileSync(join(root, file), '');
  }
  return root;
}

/** Nothing installed but what each test lays out: no Debian jar, no Ignition, an empty PATH. */
const bare = (extra: Partial<EngineSelection> = {}): EngineSelection => ({
  engine: 'auto',
  env: { PATH: '' },
  places: { debianJar: '/nonexistent/jython.jar', ignitionHomes: [], platform: 'linux' },
  ...extra,
});

describe('choosing the Python engine', () => {
  it('runs Pyodide when nothing asks for an engine: Jython starts only on request or through auto', () => {
    assert.deepEqual(planEngine({}), { name: 'pyodide', reason: 'no engine was asked for; Pyodide needs nothing installed' });
    assert.equal(planEngine({ engine: 'pyodide' }).reason, '--engine pyodide');
  });

  it("finds an Ignition install's newest Jython jar, its Python library and its bundled Java", () => {
    const home = tree(['lib/core/common/jython-ia-2.7.2.0.jar', 'lib/core/common/jython-ia-2.7.4.0.jar', 'user-lib/pylib/', 'lib/runtime/jre-nix/bin/java']);
    const plan = planEngine(bare({ places: { debianJar: '/nonexistent', ignitionHomes: [home], platform: 'linux' }, env: { PATH: '', JAVA_HOME: '/elsewhere' } }));
    assert.equal(plan.name, 'jython');
    assert.deepEqual(plan.name === 'jython' && plan.jython, {
      jar: join(home, 'lib/core/common/jython-ia-2.7.4.0.jar'),
      jarFrom: `the Ignition install at ${home}`,
      pythonPath: [join(home, 'user-lib/pylib')],
      java: join(home, 'lib/runtime/jre-nix/bin/java'),
      javaFrom: 'the Ignition install',
    });
    assert.match(plan.reason, /^--engine auto found a Jython jar .*jython-ia-2\.7\.4\.0\.jar \(the Ignition install at .*\), java .*jre-nix\/bin\/java \(the Ignition install\)$/);
  });

  it("knows where Ignition keeps Java on Windows and macOS", () => {
    const windows = tree(['lib/core/common/jython-ia-2.7.3.5.jar', 'lib/runtime/jre-win/bin/java.exe']);
    const onWindows = planEngine(bare({ places: { debianJar: '/nonexistent', ignitionHomes: [windows], platform: 'win32' } }));
    assert.equal(onWindows.name === 'jython' && onWindows.jython.java, join(windows, 'lib/runtime/jre-win/bin/java.exe'));
    const mac = tree(['lib/core/common/jython-ia-2.7.3.5.jar', 'lib/runtime/jre-mac/Contents/Home/bin/java']);
    const onMac = planEngine(bare({ places: { debianJar: '/nonexistent', ignitionHomes: [mac], platform: 'darwin' } }));
    assert.equal(onMac.name === 'jython' && onMac.jython.java, join(mac, 'lib/runtime/jre-mac/Contents/Home/bin/java'));
  });

  it('takes the jar from --jython, else periscope.json (relative to it), else PERISCOPE_JYTHON, before any found one', () => {
    const root = tree(['bin/java', 'flag.jar', 'env.jar', 'project/lib/jython.jar', 'debian/jython.jar']);
    writeFileSync(join(root, 'project/periscope.json'), JSON.stringify({ engine: { jython: 'lib/jython.jar' } }));
    const base = bare({ env: { PATH: join(root, 'bin'), PERISCOPE_JYTHON: join(root, 'env.jar') }, places: { debianJar: join(root, 'debian/jython.jar') } });
    const jar = (selection: EngineSelection): string => {
      const plan = planEngine(selection);
      return plan.name === 'jython' ? plan.jython.jarFrom : plan.reason;
    };
    assert.equal(jar({ ...base, jython: join(root, 'flag.jar'), source: join(root, 'project') }), '--jython');
    assert.equal(jar({ ...base, source: join(root, 'project') }), join(root, 'project/periscope.json'));
    assert.equal(jar(base), 'PERISCOPE_JYTHON');
    assert.equal(jar({ ...base, env: { PATH: join(root, 'bin') } }), "Debian's jython package");
  });

  it('takes Java from JAVA_HOME before PATH', () => {
    const root = tree(['jdk/bin/java', 'bin/java', 'jython.jar']);
    const plan = planEngine(bare({ jython: join(root, 'jython.jar'), env: { PATH: join(root, 'bin'), JAVA_HOME: join(root, 'jdk') } }));
    assert.deepEqual(plan.name === 'jython' && [plan.jython.java, plan.jython.javaFrom], [join(root, 'jdk/bin/java'), 'JAVA_HOME']);
  });

  it('falls back to Pyodide under auto, saying in one line what to install', () => {
    const plan = planEngine(bare());
    assert.equal(plan.name, 'pyodide');
    assert.equal(plan.reason, '--engine auto: no Jython jar found (--jython, periscope.json "engine": {"jython": ...}, PERISCOPE_JYTHON, Debian\'s jython package, an Ignition install); install one: apt-get install jython');
    const noJava = planEngine(bare({ jython: join(tree(['jython.jar']), 'jython.jar') }));
    assert.match(noJava.reason, /^--engine auto: no Java found \(JAVA_HOME, PATH\) to run the Jython jar .*jython\.jar; install one: apt-get install jython \(it brings a Java runtime\)$/);
  });

  it('refuses --engine jython without Jython, and never passes over a jar the user named', () => {
    assert.throws(() => planEngine(bare({ engine: 'jython' })), (error: Error) => error instanceof EngineUnavailable && /^--engine jython: no Jython jar found/.test(error.message));
    const root = tree(['bin/java', 'debian/jython.jar']);
    const named = bare({ jython: join(root, 'missing.jar'), env: { PATH: join(root, 'bin') }, places: { debianJar: join(root, 'debian/jython.jar') } });
    assert.equal(planEngine(named).reason, `--engine auto: the Jython jar ${join(root, 'missing.jar')} (from --jython) does not exist; name a Jython 2.7 jar, or install one: apt-get install jython`);
  });

  it('reads "engine" in periscope.json and reports keys it does not know', () => {
    const doc = parseJsonFile('periscope.json', JSON.stringify({ engine: { jython: 'j.jar', jar: 'x' } }));
    assert.deepEqual(readFixtures(doc).engine, { jython: 'j.jar' });
    assert.deepEqual(doc.problems.map((p) => p.message), ['unknown key "jar" in engine; expected jython, scriptTimeout']);
  });
});
