# Java lists compare with Python lists and print with Java's toString inside Python containers.
from java.util import ArrayList
a = ArrayList()
a.add("x")
a.add(2)
print a == ["x", 2], a == ArrayList(["x", 2]), str(a), repr(a)
print [a], {"k": a}
