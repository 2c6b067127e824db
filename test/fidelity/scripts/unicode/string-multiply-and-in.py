# Repetition and membership.
print "ab" * 3, u"x" * 2, repr(u"x" * 2), "b" in "abc", u"b" in "abc", "" in "abc"
