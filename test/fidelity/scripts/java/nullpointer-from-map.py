# A Java map returns None for a missing key; using it fails in Python terms, not Java ones.
from java.util import HashMap
m = HashMap()
value = m.get("missing")
print value is None
try:
    value.strip()
except AttributeError, e:
    print "AttributeError:", e
