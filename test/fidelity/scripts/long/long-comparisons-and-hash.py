# Longs compare and hash equal to ints.
print 5L == 5, 5L < 6, hash(5L) == hash(5), {5: "int"}[5L], 2 ** 40 > sys.maxint if False else 2 ** 40 > 2 ** 31
