# popitem removes the first entry in iteration order.
d = {"a": 1, "b": 2, "c": 3, "zz": 4, "kk": 5}
while d:
    print d.popitem()
try:
    d.popitem()
except KeyError, e:
    print "KeyError", e
