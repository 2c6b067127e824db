# title, capitalize and swapcase.
print "tank level".title(), u"tANK".capitalize(), "Ab".swapcase(), repr(u"ab cd".title())
