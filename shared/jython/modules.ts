// The Python modules of the Pyodide engine's Jython layer, in the order the engine installs them: each imports only
// modules listed before it.
import { javaSource } from './java.py';
import { javaLangSource } from './java-lang.py';
import { javaTextSource } from './java-text.py';
import { javaUtilSource } from './java-util.py';
import { py2BuiltinsSource } from './py2-builtins.py';
import { py2ClassesSource } from './py2-classes.py';
import { py2ContainersSource } from './py2-containers.py';
import { py2ErrorsSource } from './py2-errors.py';
import { py2OrderSource } from './py2-order.py';
import { py2RandomSource } from './py2-random.py';
import { py2TypesSource } from './py2-types.py';

export const jythonModules: ReadonlyArray<readonly [name: string, source: string]> = [
  ['_periscope_py2_order', py2OrderSource],
  ['_periscope_py2_types', py2TypesSource],
  ['_periscope_py2_containers', py2ContainersSource],
  ['_periscope_py2_errors', py2ErrorsSource],
  ['_periscope_py2_classes', py2ClassesSource],
  ['_periscope_java_lang', javaLangSource],
  ['_periscope_java_util', javaUtilSource],
  ['_periscope_java_text', javaTextSource],
  ['_periscope_java', javaSource],
  ['_periscope_py2_random', py2RandomSource],
  ['_periscope_py2', py2BuiltinsSource],
];
