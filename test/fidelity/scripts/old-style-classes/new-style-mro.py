# The same diamond with new-style classes uses C3.
class Base(object):
    def who(self):
        return "Base"
class Left(Base):
    pass
class Right(Base):
    def who(self):
        return "Right"
class Child(Left, Right):
    pass
print Child().who(), [c.__name__ for c in Child.__mro__]
