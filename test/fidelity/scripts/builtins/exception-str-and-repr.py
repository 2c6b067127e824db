# str and repr of exceptions with zero, one and two arguments.
for e in [ValueError(), ValueError("a"), ValueError("a", 2), KeyError("k"), Exception(u"x")]:
    print repr(str(e)), repr(e)
