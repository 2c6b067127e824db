# An instance of an old-style class has type 'instance'; the class has type 'classobj'.
class Old:
    pass
class New(object):
    pass
o = Old()
print type(o).__name__, type(Old).__name__, type(New()).__name__, type(New).__name__
print o.__class__.__name__, isinstance(o, Old), isinstance(o, object)
