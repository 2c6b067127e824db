# str + unicode, % formatting and join with a unicode item give unicode.
a = "Line " + u"1"
b = "%s-%s" % ("x", u"y")
c = ",".join(["a", u"b"])
d = u"" + "z"
print type(a).__name__, type(b).__name__, type(c).__name__, type(d).__name__
print repr(a), repr(b), repr(c), repr(d)
