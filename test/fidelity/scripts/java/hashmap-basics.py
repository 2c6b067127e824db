# java.util.HashMap: put, get, containsKey, keySet, size, and Python-style access.
from java.util import HashMap
m = HashMap()
m.put("line", "Filler")
m.put("speed", 120)
print m.get("line"), m.get("missing"), m.containsKey("speed"), m.size(), len(m)
print m["speed"], "line" in m
m["state"] = "running"
print sorted(m.keySet()), sorted(m.values())
old = m.put("speed", 90)
print old, m.get("speed"), m.remove("state"), m.size()
