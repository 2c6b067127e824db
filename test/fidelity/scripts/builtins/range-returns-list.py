# range() returns a list that can be changed.
r = range(3)
r.append(9)
print r, type(r).__name__, range(10, 0, -3), range(0)
