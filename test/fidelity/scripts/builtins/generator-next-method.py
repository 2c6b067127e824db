# Generators have a next() method; exhausted ones raise StopIteration.
def gen():
    yield 1
    yield 2
g = gen()
print g.next(), next(g)
try:
    g.next()
except StopIteration:
    print "StopIteration"
it = iter([5, 6])
print it.next()
