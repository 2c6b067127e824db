# list.sort(cmp) and sorted(cmp=...).
rows = [("b", 2), ("a", 3), ("c", 1)]
rows.sort(lambda x, y: cmp(x[1], y[1]))
print rows
print sorted(rows, cmp=lambda x, y: cmp(y[0], x[0]))
print sorted(["bb", "a", "ccc"], cmp=lambda a, b: len(a) - len(b))
