# encode with errors='ignore' and 'replace'; decode of bad UTF-8.
u = u"caf\xe9"
print repr(u.encode("ascii", "ignore")), repr(u.encode("ascii", "replace")), repr(u.encode("latin-1"))
try:
    "\xff\xfe".decode("utf-8")
except UnicodeDecodeError, e:
    print "bad utf-8:", e.reason
print repr("\xff".decode("utf-8", "replace"))
