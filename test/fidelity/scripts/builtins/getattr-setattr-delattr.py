# The attribute builtins.
class P(object):
    pass
p = P()
setattr(p, "x", 1)
print getattr(p, "x"), hasattr(p, "y"), getattr(p, "y", None)
delattr(p, "x")
print hasattr(p, "x")
try:
    getattr(p, "x")
except AttributeError, e:
    print "AttributeError:", e
