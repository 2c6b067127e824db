# HashSet membership and TreeMap's sorted keys, as scripts use to de-duplicate and order.
from java.util import HashSet, TreeMap
seen = HashSet()
for tag in ["b", "a", "b", "c"]:
    seen.add(tag)
print seen.size(), seen.contains("a"), sorted(seen)
t = TreeMap()
t.put("zeta", 1)
t.put("alpha", 2)
t.put("mid", 3)
print t, t.firstKey(), t.lastKey(), list(t.keySet())
