# __nonzero__ may return an int.
class Flags(object):
    def __init__(self, bits):
        self.bits = bits
    def __nonzero__(self):
        return self.bits & 1
print bool(Flags(3)), bool(Flags(2))
