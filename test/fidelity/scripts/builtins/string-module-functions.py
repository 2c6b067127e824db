# Functions of the string module removed in Python 3.
import string
print string.join(["a", "b"], "-"), string.split("a b"), string.upper("x"), string.atoi("12") + 1, string.zfill("7", 3)
print string.replace("aXa", "X", "-"), string.strip("  x "), string.lower("ABC")
