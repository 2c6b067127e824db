# An exception whose argument is unicode: str and repr.
e = ValueError(u"bad value")
print str(e), repr(e), e.args
e2 = KeyError(u"line")
print str(e2), repr(e2)
