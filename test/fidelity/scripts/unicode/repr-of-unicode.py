# repr of unicode has the u prefix, also inside containers and %r.
u = u"Filler"
print repr(u), [u], (u,), {u: u}, "%r" % u, "%r" % [u]
print repr("plain"), ["plain"], "%r" % "plain"
