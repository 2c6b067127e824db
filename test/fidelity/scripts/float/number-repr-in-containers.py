# Floats inside containers use repr, outside str.
vals = [1 / 3.0, 2.5, 1e16, 100.0]
print vals, tuple(vals), {"v": 1 / 3.0}
for v in vals:
    print v,
print
