# Runs each Python 2 file named on the command line under real Jython and prints {file: output} as JSON.
# An uncaught exception ends that file's output with "!! Type: message", as the differential test expects.
import sys
import json
from StringIO import StringIO

results = {}
real_stdout = sys.stdout
for path in sys.argv[1:]:
    buffer = StringIO()
    sys.stdout = buffer
    try:
        source = open(path).read()
        exec compile(source, path, 'exec') in {'__name__': '__main__'}
    except Exception, e:
        buffer.write('!! %s: %s\n' % (type(e).__name__, e))
    finally:
        sys.stdout = real_stdout
    results[path] = buffer.getvalue()
print json.dumps(results)
