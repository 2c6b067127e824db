# update merges; copy and dict(d) make new tables.
a = {"x": 1, "y": 2}
a.update({"z": 3, "w": 4})
a.update(v=5)
print a
b = a.copy()
c = dict(a)
print b == a, b.keys() == a.keys(), c.keys()
