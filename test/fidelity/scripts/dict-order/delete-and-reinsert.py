# A key deleted and inserted again keeps its bucket.
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 9
d["d"] = 4
print d
