# Case changes of non-ASCII unicode, and of byte strings (bytes above 127 untouched).
print repr(u"caf\xe9".upper()), repr("caf\xc3\xa9".upper()), repr(u"\xc9COLE".lower())
