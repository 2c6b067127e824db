# dict() from pairs, from keywords and from zip.
print dict([("b", 1), ("a", 2), ("c", 3)])
print dict(one=1, two=2, three=3, four=4)
print dict(zip(["k1", "k2", "k3", "k10"], range(4)))
