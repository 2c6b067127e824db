# Membership tests compare with ==.
print 1 in [1.0], "1" in [1], None in [0, False], [].count(None), [1, 1.0, True].count(1)
