# __cmp__ also answers == and != when __eq__ is absent.
class Version(object):
    def __init__(self, major, minor):
        self.t = (major, minor)
    def __cmp__(self, other):
        return cmp(self.t, other.t)
print Version(1, 2) == Version(1, 2), Version(1, 2) != Version(1, 3), Version(2, 0) > Version(1, 9)
print Version(1, 0) in [Version(1, 0)]
