# xrange objects: repr, len, indexing, reversed.
x = xrange(2, 10, 3)
print x, len(x), x[1], list(reversed(x)), 5 in x, xrange(5)
