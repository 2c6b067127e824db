# A Java list built from a Python list, iterated, sliced and converted back.
from java.util import ArrayList
lines = ArrayList([3, 1, 2])
total = 0
for n in lines:
    total += n
print total, list(lines), sorted(lines), lines[0:2]
lines.addAll([4, 5])
print lines, lines.subList(1, 3)
print type(lines).__name__, isinstance(lines, list)
