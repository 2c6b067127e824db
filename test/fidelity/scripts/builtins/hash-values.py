# hash() of strings, numbers and tuples is their Java hash code on Jython.
print hash("abc"), hash(u"abc"), hash(""), hash(12), hash(-1), hash(2 ** 40), hash(1.5), hash(2.0), hash(True)
print hash((1, "a")), hash(()), hash(frozenset([1, 2])), hash(None) == hash(None), hash("Line1/Speed") % 16
