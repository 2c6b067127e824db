# str and unicode are two types with their own names.
print type("x").__name__, type(u"x").__name__, type("x") == type(u"x")
print isinstance("x", str), isinstance(u"x", str), isinstance(u"x", unicode), isinstance("x", unicode)
print isinstance("x", basestring), isinstance(u"x", basestring), str is unicode
