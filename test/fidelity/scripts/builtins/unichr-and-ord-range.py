# unichr range and ord of multi-character strings.
print repr(unichr(0x20ac)), ord(u"\u20ac")
try:
    ord("ab")
except TypeError, e:
    print "TypeError:", e
