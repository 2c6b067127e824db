# Jython allows adding keys while iterating over a dict.
d = {"a": 1, "b": 2}
seen = []
for k in d:
    seen.append(k)
    if len(d) < 6:
        d[k + k] = 0
print sorted(seen), sorted(d.keys())
