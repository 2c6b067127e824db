# ArrayList.set replaces an element and returns the old one; an explicit iterator walks it.
from java.util import ArrayList
a = ArrayList(["a", "b", "c"])
print a.set(1, "B"), a
it = a.iterator()
out = []
while it.hasNext():
    out.append(it.next())
print out
