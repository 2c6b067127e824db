# Keys whose hashes share a bucket of the 32-slot table keep insertion order there.
d = {}
for n in [5, 37, 69, 101, 133, 6, 38]:
    d[n] = n
print d.keys()
d2 = {}
for n in [101, 69, 37, 5]:
    d2[n] = n
print d2.keys()
