# long() from floats and strings with bases.
print repr(long(3.9)), repr(long("ff", 16)), repr(long(" 42 ")), repr(long(-2.5))
try:
    long("x")
except ValueError, e:
    print "ValueError:", e
