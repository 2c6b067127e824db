# Slice assignment and deletion.
l = range(6)
l[1:3] = ["a", "b", "c"]
del l[0]
del l[-2:]
print l
l[::2] = [0] * len(l[::2])
print l
