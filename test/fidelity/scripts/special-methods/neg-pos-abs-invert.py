# Unary operators.
class V(object):
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return V(-self.v)
    def __abs__(self):
        return abs(self.v)
    def __invert__(self):
        return "inverted"
print (-V(3)).v, abs(V(-4)), ~V(1)
