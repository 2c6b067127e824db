# Iterating a HashMap gives its keys; entrySet gives entries with getKey/getValue.
from java.util import HashMap
m = HashMap()
for i, name in enumerate(["a", "b", "c", "d"]):
    m.put(name, i)
print [k for k in m]
for entry in m.entrySet():
    print entry.getKey(), entry.getValue()
print m
