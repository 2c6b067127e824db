# Sorting str and unicode together compares by characters.
print sorted([u"b", "a", u"C", "c"]), max(u"a", "b"), min(["b", u"a"])
