# Long literals keep their L in repr, not in str.
x = 10L
print x, repr(x), str(x), type(x).__name__, [x], (x, 1), {"n": x}
print "%s %r %d" % (x, x, x)
