# str() of containers uses repr of the items.
print str([u"a", "b"]), str((u"x",)), str({u"k": "v"}), str([1.5, None, True])
