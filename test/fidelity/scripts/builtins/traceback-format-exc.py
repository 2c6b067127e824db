# traceback.format_exc() in a handler, as scripts log it: frames with their source lines, then the exception.
import traceback
def lookup(rows, key):
    return rows[key]
def load():
    return lookup({"a": 1}, "b")
try:
    load()
except Exception:
    print traceback.format_exc()
try:
    int("twelve")
except ValueError:
    lines = traceback.format_exc().splitlines()
    print len(lines), lines[-1]
print traceback.format_exception_only(ZeroDivisionError, ZeroDivisionError("integer division or modulo by zero"))
