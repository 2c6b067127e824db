# A hundred keys: order after several resizes.
d = {}
for i in range(100):
    d["k%03d" % i] = i
print d.keys()[:40]
print d.keys()[40:]
