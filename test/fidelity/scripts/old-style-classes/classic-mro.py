# Diamond inheritance: old-style classes search depth-first, left to right.
class Base:
    def who(self):
        return "Base"
class Left(Base):
    pass
class Right(Base):
    def who(self):
        return "Right"
class Child(Left, Right):
    pass
print Child().who()
