# chr gives a byte string, unichr unicode; chr above 255 raises.
print repr(chr(65)), repr(chr(200)), repr(unichr(200)), ord("A"), ord(u"\u2603")
try:
    chr(300)
except ValueError, e:
    print "ValueError:", e
