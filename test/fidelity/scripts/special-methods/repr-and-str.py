# __repr__ shows in containers, __str__ in print.
class Point(object):
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
p = Point(1, u"b")
print p, [p], str(p), repr(p), "%s|%r" % (p, p)
