# cmp() across types.
print cmp(None, "a"), cmp(1, "a"), cmp("a", 1), cmp([], {}), cmp(2, 2.0), cmp("abc", u"abd")
