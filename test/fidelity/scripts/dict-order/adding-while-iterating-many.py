# Keys added while iterating: which of them the same loop still sees depends on where they land in the table.
for start in range(12):
    d = dict(("k%d" % (start * 7 + i), i) for i in range(start + 2))
    seen = []
    for k in d:
        seen.append(k)
        if len(d) < start * 3 + 6:
            d[k + "x"] = 0
    print start, seen, len(d)
