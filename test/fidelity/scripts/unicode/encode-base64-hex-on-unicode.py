# The str-to-str codecs on a unicode string that is ASCII.
print repr(u"abc".encode("base64")), repr(u"hi".encode("hex"))
