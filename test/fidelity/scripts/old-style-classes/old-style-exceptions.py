# Exceptions must derive from BaseException, but old-style classes can be raised in Python 2.
class Legacy:
    pass
try:
    raise Legacy()
except Legacy, e:
    print "caught", e.__class__.__name__
