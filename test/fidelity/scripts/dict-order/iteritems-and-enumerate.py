# iteritems, iterkeys and enumerate over a dict.
d = {"first": 1, "second": 2, "third": 3, "fourth": 4}
for i, (k, v) in enumerate(d.iteritems()):
    print i, k, v
print list(d.iterkeys())
