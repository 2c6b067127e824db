# In a class body, a comprehension over pairs leaks both names, also the last pair a filter rejected.
class Limits(object):
    pairs = [(name, high) for name, high in [("speed", 120), ("temp", 90), ("level", 5)] if high > 10]
    lookup = dict(pairs)
print Limits.pairs, Limits.name, Limits.high, sorted(Limits.lookup)
