# unicode() of a byte string decodes with ASCII.
print repr(unicode("abc")), repr(unicode(12)), repr(unicode(1.5)), repr(unicode(None))
try:
    unicode("caf\xc3\xa9")
except UnicodeDecodeError, e:
    print "UnicodeDecodeError:", e
print repr(unicode("caf\xc3\xa9", "utf-8"))
