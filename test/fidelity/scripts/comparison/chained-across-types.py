# Chained comparisons where an operand is None.
value = None
print None < value < 5 if False else "-", 0 < value < 10, None <= value <= None, -1 < 0 < "a"
low = None
if low < 5 < 10:
    print "chain true"
