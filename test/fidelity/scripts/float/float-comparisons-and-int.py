# Mixed int and float equality and ordering.
print 1 == 1.0, 2 < 2.5, 3.0 > 2, hash(1) == hash(1.0), {1: "a"}[1.0], 0.1 + 0.2 == 0.3
