# unicode.translate takes a dict of ordinals.
print u"a-b_c".translate({ord(u"-"): u" ", ord(u"_"): None})
