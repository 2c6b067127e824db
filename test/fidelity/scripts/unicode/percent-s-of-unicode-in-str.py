# %s of a non-ASCII unicode into a byte format string gives unicode.
msg = "Line: %s" % u"caf\xe9"
print type(msg).__name__, repr(msg)
print len("%s" % u"\u2603")
