# unicode and str keys hash alike.
d = {u"station": 1, "line": 2, u"area": 3, "site": 4}
print d
print d.keys()
