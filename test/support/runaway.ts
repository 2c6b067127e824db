// Python that swallows the engine's KeyboardInterrupt forever, so only replacing the worker can stop it.

/** The body lines of a function that never ends, each indented by one level (four spaces). */
export const swallowsInterrupt: readonly string[] = [
  '    while True:',
  '        try:',
  '            while True:',
  '                pass',
  '        except:',
  '            pass',
];
