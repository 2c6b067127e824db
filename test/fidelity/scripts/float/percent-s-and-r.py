# %s of a float is str(), %r is repr().
v = 0.1 + 0.2
print "%s %r" % (v, v), "%s" % (1 / 3.0), "value=%s" % 2.5
print "%s" % [0.1 + 0.2]
