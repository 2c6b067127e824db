# Iterating a number, calling a string, subscripting None.
for expr in ["for x in 5: pass", "'abc'()", "None[0]", "len(5)", "[1, 2][None]", "{}[[1]]"]:
    try:
        exec expr
    except TypeError, e:
        print "TypeError:", e
