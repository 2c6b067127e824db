# A HashMap read with [] for a key it lacks raises KeyError like a dict; get() gives None.
from java.util import HashMap
m = HashMap()
m.put("a", 1)
print m.get("b"), m.getOrDefault("b", 0)
try:
    m["b"]
except KeyError, e:
    print "KeyError", e
print m.isEmpty(), m.containsValue(1)
