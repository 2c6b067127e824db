# AttributeError on None and on builtin types.
value = None
try:
    value.upper()
except AttributeError, e:
    print "AttributeError:", e
try:
    "x".append("y")
except AttributeError, e:
    print "AttributeError:", e
try:
    {}.iteritem()
except AttributeError, e:
    print "AttributeError:", e
