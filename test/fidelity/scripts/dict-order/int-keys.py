# Small and large int keys: their hash is their value.
d = {}
for n in [100, 3, 64, 33, 1, 31, 32, 0, -1, 1000]:
    d[n] = str(n)
print d.keys()
print d
