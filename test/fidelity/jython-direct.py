# Runs each Python 2 program named on the command line under real Jython, compiled from its UTF-8 text the way a
# gateway compiles a script (from unicode), and prints {file: {"output": [[stream, text]...], "error": [type,
# message, line] or null}} as JSON.
#
# Everything a program prints is kept in order: byte strings as the UTF-8 a gateway's log would show, unicode as is.
# An uncaught exception ends the program: Java exceptions by their qualified class name and getMessage(), Python
# ones by class name and str() (a SyntaxError by its msg), on the line of the program's innermost frame.
import sys
import json
import codecs
import traceback
import java.lang.Throwable


class Capture(object):
    softspace = 0
    encoding = 'UTF-8'

    def __init__(self, stream, parts):
        self.stream = stream
        self.parts = parts

    def write(self, text):
        if isinstance(text, str):
            text = text.decode('utf-8', 'replace')
        if self.parts and self.parts[-1][0] == self.stream:
            self.parts[-1][1] += text
        else:
            self.parts.append([self.stream, text])

    def flush(self):
        pass

    def isatty(self):
        return False


def message_of(error):
    if isinstance(error, java.lang.Throwable):
        return error.getMessage() or u''
    if isinstance(error, SyntaxError):
        # str() appends "(file, line N)"; traces carry the file and line apart, so the message is the compiler's own.
        return error.msg
    try:
        return unicode(error)
    except UnicodeError:
        return str(error).decode('utf-8', 'replace')


def type_of(error):
    if isinstance(error, java.lang.Throwable):
        return error.getClass().getName()
    return type(error).__name__


def line_of(error, tb, path):
    if isinstance(error, SyntaxError) and error.filename == path:
        return error.lineno
    line = None
    for filename, lineno, _, _ in traceback.extract_tb(tb):
        if filename == path:
            line = lineno
    return line


def run(path):
    output = []
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Capture('stdout', output), Capture('stderr', output)
    error = None
    try:
        source = codecs.open(path, encoding='utf-8').read()
        exec compile(source, path, 'exec') in {'__name__': '__main__'}
    except:
        kind, value, tb = sys.exc_info()
        error = [type_of(value), message_of(value), line_of(value, tb, path)]
    finally:
        sys.stdout, sys.stderr = real
        sys.exc_clear()
    return {'output': output, 'error': error}


results = {}
for path in sys.argv[1:]:
    results[path] = run(path)
print json.dumps(results)
