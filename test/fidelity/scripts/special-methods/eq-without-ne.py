# Defining __eq__ does not define != in Python 2.
class Thing(object):
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print Thing(1) == Thing(1), Thing(1) != Thing(1)
