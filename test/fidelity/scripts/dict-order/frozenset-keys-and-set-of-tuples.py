# A set of tuples.
pairs = set([(1, 2), (2, 1), (0, 0), (3, 5)])
print pairs
print sorted(pairs)
