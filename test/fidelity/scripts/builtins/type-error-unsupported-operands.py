# Unsupported operand types.
for a, b in [(1, None), ("a", 2.5), ([], 1)]:
    try:
        a - b
    except TypeError, e:
        print "TypeError:", e
try:
    "a" * "b"
except TypeError, e:
    print "TypeError:", e
