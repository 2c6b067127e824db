# KeyError's message is the repr of the key.
d = {"a": 1}
for k in ["missing", u"uni", 3, ("t", 1)]:
    try:
        d[k]
    except KeyError, e:
        print "KeyError:", e, repr(e.args[0])
