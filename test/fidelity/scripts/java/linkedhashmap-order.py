# LinkedHashMap keeps insertion order, which scripts rely on for ordered output.
from java.util import LinkedHashMap
m = LinkedHashMap()
for k in ["zulu", "alpha", "mike"]:
    m.put(k, len(k))
print m, list(m.keySet()), list(m.values())
