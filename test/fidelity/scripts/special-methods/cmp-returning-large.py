# __cmp__ may return any int, and cmp() normalises it.
class Odd(object):
    def __cmp__(self, other):
        return 42
print cmp(Odd(), Odd()), Odd() > Odd(), Odd() == Odd()
