# Deleting while iterating over keys() (a list copy) is safe.
d = {"a": 1, "b": 0, "c": 3, "d": 0}
for k in d.keys():
    if d[k] == 0:
        del d[k]
print d
