# len, range and xrange values are ints.
print type(len([1])).__name__, type(range(3)[0]).__name__, repr(xrange(3)), repr(xrange(1, 10, 2))
