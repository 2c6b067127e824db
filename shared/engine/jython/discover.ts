// Finds a Jython 2.7 jar and a Java to run it, without help where it can: the user's choice first, then Debian's
// package, then a local Ignition install (its bundled jar, standard library and Java).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { JvmSetup } from './jvm';
import { childProcess } from '../../lazy-node';

/** Where each part came from, in words for the trace's first line and `simulate --help`. */
export interface JythonFound extends JvmSetup {
  jarFrom: string;
  javaFrom: string;
}

export type JythonDiscovery = { found: JythonFound } | { missing: string };

export interface DiscoverOptions {
  /** `--jython <jar>`. */
  jar?: string;
  /** `"engine": {"jython": ...}` of a periscope.json, already resolved against its folder. */
  configured?: { jar: string; file: string };
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Ignition install folders to look in; default: the installers' default folder for the platform. */
  ignitionHomes?: string[];
  /** Where Debian's package keeps its jar; default: /usr/share/java/jython.jar, else what `dpkg -L jython` lists. */
  debianJar?: string;
}

export const installHint = 'apt-get install jython';

/** Ignition's default install folders, per its installers' documentation. */
export function defaultIgnitionHomes(platform: NodeJS.Platform = process.platform): string[] {
  switch (platform) {
    case 'win32':
      return ['C:\\Program Files\\Inductive Automation\\Ignition'];
    case 'darwin':
      return ['/usr/local/ignition'];
    default:
      return ['/usr/local/bin/ignition'];
  }
}

const debianJar = '/usr/share/java/jython.jar';

export function discoverJython(options: DiscoverOptions = {}): JythonDiscovery {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const named: Array<{ jar: string; from: string }> = [];
  if (options.jar) named.push({ jar: options.jar, from: '--jython' });
  if (options.configured) named.push({ jar: options.configured.jar, from: options.configured.file });
  if (env.PERISCOPE_JYTHON) named.push({ jar: env.PERISCOPE_JYTHON, from: 'PERISCOPE_JYTHON' });
  // A jar the user named is used or reported, never silently passed over for another one.
  if (named.length > 0) {
    const { jar, from } = named[0];
    if (!isFile(jar)) return { missing: `the Jython jar ${jar} (from ${from}) does not exist; name a Jython 2.7 jar, or install one: ${installHint}` };
    return withJava({ jar, jarFrom: from }, env, platform);
  }
  const debian = options.debianJar !== undefined ? (isFile(options.debianJar) ? options.debianJar : undefined) : debianPackageJar();
  if (debian) return withJava({ jar: debian, jarFrom: "Debian's jython package" }, env, platform);
  for (const home of options.ignitionHomes ?? defaultIgnitionHomes(platform)) {
    const install = ignitionInstall(home, platform);
    if (install) return withJava(install, env, platform);
  }
  return {
    missing: `no Jython jar found (--jython, periscope.json "engine": {"jython": ...}, PERISCOPE_JYTHON, Debian's jython package, an Ignition install); install one: ${installHint}`,
  };
}

type JarFound = Pick<JythonFound, 'jar' | 'jarFrom' | 'pythonPath'> & { bundledJava?: string };

function withJava(jar: JarFound, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): JythonDiscovery {
  const { bundledJava, ...rest } = jar;
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const candidates: Array<{ java: string; from: string }> = [];
  if (bundledJava) candidates.push({ java: bundledJava, from: 'the Ignition install' });
  if (env.JAVA_HOME) candidates.push({ java: join(env.JAVA_HOME, 'bin', exe), from: 'JAVA_HOME' });
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) candidates.push({ java: join(dir, exe), from: 'PATH' });
  const java = candidates.find((c) => isFile(c.java));
  if (!java) return { missing: `no Java found (JAVA_HOME, PATH) to run the Jython jar ${jar.jar}; install one: ${installHint} (it brings a Java runtime)` };
  return { found: { ...rest, java: java.java, javaFrom: java.from } };
}

/** Debian's jar, at its usual place or wherever `dpkg -L jython` says it is. */
function debianPackageJar(): string | undefined {
  if (isFile(debianJar)) return debianJar;
  if (process.platform !== 'linux') return undefined;
  const listed = childProcess().spawnSync('dpkg', ['-L', 'jython'], { encoding: 'utf8', timeout: 5000 });
  if (listed.status !== 0 || typeof listed.stdout !== 'string') return undefined;
  return listed.stdout.split('\n').map((l) => l.trim()).find((l) => /\/jython[^/]*\.jar$/.test(l) && isFile(l));
}

/**
 * An Ignition install keeps its Jython as `lib/core/common/jython-ia-<version>.jar`, the Python standard library
 * in `user-lib/pylib` and a Java runtime in `lib/runtime/jre-<platform>`.
 */
function ignitionInstall(home: string, platform: NodeJS.Platform): JarFound | undefined {
  const common = join(home, 'lib', 'core', 'common');
  let jars: string[];
  try {
    jars = readdirSync(common).filter((f) => /^jython.*\.jar$/i.test(f));
  } catch {
    return undefined;
  }
  const newest = jars.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0];
  if (!newest) return undefined;
  const pylib = join(home, 'user-lib', 'pylib');
  const runtime = join(home, 'lib', 'runtime');
  const bundled =
    platform === 'win32'
      ? [join(runtime, 'jre-win', 'bin', 'java.exe')]
      : platform === 'darwin'
        ? [join(runtime, 'jre-mac', 'Contents', 'Home', 'bin', 'java'), join(runtime, 'jre-mac', 'bin', 'java')]
        : [join(runtime, 'jre-nix', 'bin', 'java')];
  return {
    jar: join(common, newest),
    jarFrom: `the Ignition install at ${home}`,
    pythonPath: existsSync(pylib) ? [pylib] : undefined,
    bundledJava: bundled.find(isFile),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
