# A Python str passed to and returned from Java becomes unicode.
from java.lang import String
s = String.valueOf("plain")
print type(s).__name__, s == "plain", repr(s)
print type(String("x").toUpperCase()).__name__
