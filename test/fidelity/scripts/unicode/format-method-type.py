# str.format keeps the type of the format string.
print repr("{0}".format(u"x")), repr(u"{0}".format("x")), repr("{0}-{1}".format(1, 2))
