# A HashMap may hold None values; containsKey tells them from missing keys.
from java.util import HashMap
m = HashMap()
m.put("quality", None)
print m.get("quality"), m.containsKey("quality"), m.containsKey("other"), m.size()
