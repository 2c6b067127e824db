# Old-style instances given their own special methods: each instance uses its own, others keep the class's.
class Box:
    def __init__(self):
        self.items = [1, 2]
    def __len__(self):
        return len(self.items)
b = Box()
c = Box()
b.__len__ = lambda: 99
b.__getitem__ = lambda i: i * 10
b.__call__ = lambda x: "called %s" % x
print len(b), len(c), b[3], b("x"), type(b).__name__, b.__class__.__name__, isinstance(b, Box), isinstance(c, b.__class__)
