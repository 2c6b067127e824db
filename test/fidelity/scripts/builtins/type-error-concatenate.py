# Concatenating str and int.
try:
    "Count: " + 5
except TypeError, e:
    print "TypeError:", e
try:
    5 + "x"
except TypeError, e:
    print "TypeError:", e
try:
    [1] + (2,)
except TypeError, e:
    print "TypeError:", e
