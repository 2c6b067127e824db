# __coerce__ is consulted for mixed arithmetic on old-style classes.
class Meters:
    def __init__(self, v):
        self.v = v
    def __coerce__(self, other):
        return (self, Meters(other))
    def __add__(self, other):
        return Meters(self.v + other.v)
m = Meters(2) + 3
print m.v
