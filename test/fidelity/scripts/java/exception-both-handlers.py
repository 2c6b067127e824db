# Robust handlers catch Python and Java exceptions in two clauses.
import java.lang
from java.lang import Integer
def parse(value):
    try:
        return Integer.parseInt(value)
    except ValueError, e:
        return "python: %s" % e
    except java.lang.Exception, e:
        return "java: %s" % e.getMessage()
print parse("12"), parse("x")
print parse(None) is not None
