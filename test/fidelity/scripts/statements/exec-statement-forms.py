# exec with a string, with globals and with globals and locals.
exec "print 'from exec'"
g = {"n": 2}
exec "m = n * 21" in g
print g["m"]
l = {}
exec "k = 1" in g, l
print l, "k" in g
