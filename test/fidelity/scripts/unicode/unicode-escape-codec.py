# The unicode_escape and string_escape codecs.
print repr(u"caf\xe9\n".encode("unicode_escape")), repr("a\\nb".decode("string_escape")), repr("a\nb".encode("string_escape"))
