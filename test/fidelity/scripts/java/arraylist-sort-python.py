# Sorting a Java list with Python's sorted and list.sort on a copy.
from java.util import ArrayList
a = ArrayList(["pear", "apple", "fig"])
print sorted(a), sorted(a, key=len), sorted(a, reverse=True)
b = list(a)
b.sort()
print b, a
