# ASCII str and unicode compare and hash equal.
print "abc" == u"abc", hash("abc") == hash(u"abc"), {"k": 1}[u"k"], u"k" in {"k": 1}
print "caf\xc3\xa9" == u"caf\xe9"
