# Unpacking the wrong number of values.
try:
    a, b = [1]
except ValueError, e:
    print "ValueError:", e
try:
    a, b = [1, 2, 3]
except ValueError, e:
    print "ValueError:", e
try:
    x, y = "abc"
except ValueError, e:
    print "ValueError:", e
