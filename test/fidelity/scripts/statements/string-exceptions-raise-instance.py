# raise with an instance and a traceback argument.
import sys
try:
    try:
        raise KeyError("a")
    except KeyError:
        t, v, tb = sys.exc_info()
        raise ValueError, "converted", tb
except ValueError, e:
    print "ValueError", e
