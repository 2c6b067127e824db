# A byte string with non-ASCII bytes plus unicode: decoding with ASCII fails.
data = u"caf\xe9".encode("utf-8")
try:
    print data + u"!"
except UnicodeDecodeError, e:
    print "UnicodeDecodeError:", e
print len(data), data.decode("utf-8") + u"!"
