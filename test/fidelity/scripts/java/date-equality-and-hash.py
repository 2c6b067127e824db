# Dates as dict keys and in sets.
from java.util import Date
a = Date(1000)
b = Date(1000)
print a == b, a is b, len(set([a, b])), {a: "x"}[b]
