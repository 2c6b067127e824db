# Objects with __eq__ and __hash__ as dict keys.
class Key(object):
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and other.k == self.k
    def __hash__(self):
        return hash(self.k)
d = {Key("a"): 1}
print d[Key("a")], Key("a") in d, Key("b") in d, Key("a") != Key("a")
