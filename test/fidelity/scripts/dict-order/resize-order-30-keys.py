# A dict that grows past its first table (24 entries) is rehashed.
d = {}
for i in range(30):
    d["tag%d" % i] = i
print d.keys()
