# int() truncates toward zero; int of a float string fails.
print int(2.9), int(-2.9), int(1e10), type(int(1e10)).__name__, long(2.5)
try:
    int("2.5")
except ValueError, e:
    print "ValueError:", e
print int(float("2.5"))
