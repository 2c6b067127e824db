# raise Class, arg and raise Class(arg).
try:
    raise KeyError, "k"
except KeyError, e:
    print repr(e)
try:
    raise ValueError("v"), None
except ValueError, e:
    print repr(e)
