# A HashMap built from a Python dict, and a dict built from a HashMap.
from java.util import HashMap
m = HashMap({"a": 1, "b": 2})
print m.size(), m.get("a"), m.get("b")
back = dict(m)
print sorted(back.items())
