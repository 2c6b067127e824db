# splitlines, partition and rpartition.
print "a\nb\r\nc".splitlines(), "k=v=w".partition("="), u"k=v=w".rpartition(u"=")
