# str() of unicode with non-ASCII characters raises UnicodeEncodeError under the ASCII default encoding.
name = u"Caf\xe9 line"
print len(name)
try:
    str(name)
except UnicodeEncodeError, e:
    print "UnicodeEncodeError:", e
print str(u"plain ascii")
