# set() prints as set([...]) in hash order.
s = set(["pump", "valve", "tank", "motor", "sensor"])
print s
print list(s)
print set([5, 3, 1, 64, 32]), set(), frozenset(["b", "a"])
